package dev.loopkeeper.reporting;

import dev.loopkeeper.casework.CaseOutcome;
import dev.loopkeeper.casework.CaseQuery;
import dev.loopkeeper.casework.CaseQueryAddress;
import dev.loopkeeper.casework.CaseState;
import dev.loopkeeper.sharedkernel.Segment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cases behind a figure, as an address of the case list ({@code cases?openedFrom=…&segment=detractor}): the
 * list's own query parameters ({@link CaseQueryAddress}), so what a report counts and what the list shows are
 * narrowed by the same words. The list shows every case the user may see, so a figure over one group opens the
 * cases that group took part in.
 */
public record DrillDown(
        LocalDate openedFrom,
        LocalDate openedTo,
        Set<Segment> segments,
        Set<CaseOutcome> outcomes,
        Set<CaseState> states,
        String group,
        String assignee,
        String region,
        String product) {

    /** The cases opened in the days given, of the scope's group when it has exactly one. */
    public static DrillDown opened(LocalDate first, LocalDate last, ReportScope scope) {
        String group = scope.groups().size() == 1 ? scope.groups().iterator().next() : null;
        return new DrillDown(first, last, Set.of(), Set.of(), Set.of(), group, null, null, null);
    }

    public static DrillDown opened(ReportScope scope) {
        return opened(scope.period().first(), scope.period().last(), scope);
    }

    public DrillDown segment(Segment segment) {
        return segment == null
                ? this
                : new DrillDown(
                        openedFrom, openedTo, Set.of(segment), outcomes, states, group, assignee, region, product);
    }

    /** A closed outcome, or {@code OPEN} for the cases still open. */
    public DrillDown outcome(String closedAs) {
        if ("OPEN".equals(closedAs)) {
            return new DrillDown(
                    openedFrom,
                    openedTo,
                    segments,
                    outcomes,
                    Set.of(CaseState.TO_DO, CaseState.WAITING_FOR_REPLY, CaseState.WAITING_FOR_FIX),
                    group,
                    assignee,
                    region,
                    product);
        }
        return new DrillDown(
                openedFrom,
                openedTo,
                segments,
                Set.of(CaseOutcome.valueOf(closedAs)),
                Set.of(CaseState.CLOSED),
                group,
                assignee,
                region,
                product);
    }

    public DrillDown group(String newGroup) {
        return new DrillDown(openedFrom, openedTo, segments, outcomes, states, newGroup, assignee, region, product);
    }

    public DrillDown assignee(String agent) {
        return new DrillDown(openedFrom, openedTo, segments, outcomes, states, group, agent, region, product);
    }

    /**
     * Whether the case list can narrow to a dimension's value: region and product are its filters; a touchpoint,
     * location or tier is not, nor "none given".
     */
    public static boolean canNarrow(Dimension dimension, String value) {
        return dimension == null
                || ((dimension == Dimension.REGION || dimension == Dimension.PRODUCT) && !value.isEmpty());
    }

    /** Narrowed by a dimension's value, where the case list can ({@link #canNarrow}); otherwise unchanged. */
    public DrillDown where(Dimension dimension, String value) {
        if (dimension == Dimension.REGION && !value.isEmpty()) {
            return new DrillDown(openedFrom, openedTo, segments, outcomes, states, group, assignee, value, product);
        }
        if (dimension == Dimension.PRODUCT && !value.isEmpty()) {
            return new DrillDown(openedFrom, openedTo, segments, outcomes, states, group, assignee, region, value);
        }
        return this;
    }

    public CaseQuery query() {
        return new CaseQuery(
                states,
                outcomes,
                segments,
                null,
                null,
                group,
                assignee,
                region,
                product,
                openedFrom,
                openedTo,
                null,
                null,
                null);
    }

    /** The case list's address, relative to the app's root. */
    public String address() {
        Map<String, List<String>> parameters = CaseQueryAddress.parameters(query());
        return "cases?"
                + parameters.entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                        .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
