package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The case list's query as the parameters of its address ({@code state=closed&outcome=unreachable&q=john}) and
 * back, so a search can be bookmarked, shared and exported as it is. Any address reads as some query: a value it
 * does not know is left out, never an error.
 */
public final class CaseQueryAddress {

    private CaseQueryAddress() {}

    public static Map<String, List<String>> parameters(CaseQuery query) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        putAll(p, "state", query.states().stream().map(CaseState::key).sorted().toList());
        putAll(
                p,
                "outcome",
                query.outcomes().stream().map(CaseOutcome::key).sorted().toList());
        putAll(
                p,
                "segment",
                query.segments().stream().map(Segment::key).sorted().toList());
        put(p, "minScore", query.minScore() == null ? null : query.minScore().toString());
        put(p, "maxScore", query.maxScore() == null ? null : query.maxScore().toString());
        put(p, "group", query.group());
        put(p, "assignee", query.assignee());
        put(p, "region", query.region());
        put(p, "product", query.product());
        put(p, "openedFrom", text(query.openedFrom()));
        put(p, "openedTo", text(query.openedTo()));
        put(p, "closedFrom", text(query.closedFrom()));
        put(p, "closedTo", text(query.closedTo()));
        put(p, "q", query.text());
        return p;
    }

    public static CaseQuery query(Map<String, List<String>> p) {
        return new CaseQuery(
                keys(p, "state", CaseState.class, CaseState::key),
                keys(p, "outcome", CaseOutcome.class, CaseOutcome::key),
                keys(p, "segment", Segment.class, Segment::key),
                number(first(p, "minScore")),
                number(first(p, "maxScore")),
                first(p, "group"),
                first(p, "assignee"),
                first(p, "region"),
                first(p, "product"),
                date(first(p, "openedFrom")),
                date(first(p, "openedTo")),
                date(first(p, "closedFrom")),
                date(first(p, "closedTo")),
                first(p, "q"));
    }

    private static <E extends Enum<E>> Set<E> keys(
            Map<String, List<String>> p, String name, Class<E> type, Function<E, String> key) {
        Set<E> found = EnumSet.noneOf(type);
        p.getOrDefault(name, List.of())
                .forEach(value -> Arrays.stream(type.getEnumConstants())
                        .filter(e -> key.apply(e).equals(value))
                        .forEach(found::add));
        return found;
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String first(Map<String, List<String>> p, String name) {
        List<String> values = p.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static void put(Map<String, List<String>> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, List.of(value));
        }
    }

    private static void putAll(Map<String, List<String>> p, String name, List<String> values) {
        if (!values.isEmpty()) {
            p.put(name, values);
        }
    }
}
