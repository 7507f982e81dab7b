package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasklist's filter as the query parameters of its address ({@code view=breached&segment=detractor&q=refund})
 * and back, so that a list can be bookmarked and shared and the back button works. Any address reads as some
 * filter: a view, segment or task it does not know is left out, never an error.
 */
public final class TaskFilterAddress {

    private TaskFilterAddress() {}

    /** The filter's parameters: the view always, the rest when set; several segments in a stable order. */
    public static Map<String, List<String>> parameters(TaskFilter filter) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("view", List.of(filter.view().key()));
        if (!filter.segments().isEmpty()) {
            parameters.put(
                    "segment",
                    filter.segments().stream().map(Segment::key).sorted().toList());
        }
        put(parameters, "task", filter.taskKey());
        put(parameters, "group", filter.group());
        put(parameters, "location", filter.location());
        put(parameters, "product", filter.product());
        put(parameters, "q", filter.text());
        return parameters;
    }

    /** The filter an address asks for, with "today" in the given zone. */
    public static TaskFilter filter(Map<String, List<String>> parameters, ZoneId zone) {
        Set<Segment> segments = EnumSet.noneOf(Segment.class);
        parameters
                .getOrDefault("segment", List.of())
                .forEach(key -> Arrays.stream(Segment.values())
                        .filter(segment -> segment.key().equals(key))
                        .forEach(segments::add));
        String task = first(parameters, "task");
        return new TaskFilter(
                TaskView.ofKey(first(parameters, "view")),
                segments,
                TaskFilter.TASKS.containsKey(task) ? task : null,
                first(parameters, "group"),
                first(parameters, "location"),
                first(parameters, "product"),
                first(parameters, "q"),
                zone);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, List.of(value));
        }
    }
}
