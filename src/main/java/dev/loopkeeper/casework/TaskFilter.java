package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.ZoneId;
import java.util.Set;

/**
 * What the agent narrows the tasklist to. Empty or null parts do not filter.
 *
 * @param text  words searched in the customer's name and comment
 * @param zone  whose "today" the due-today view means: the agent's time zone
 */
public record TaskFilter(TaskView view, Set<Segment> segments, String taskKey, String group, String location,
                         String product, String text, ZoneId zone) {

    public TaskFilter {
        view = view == null ? TaskView.MY_WORK : view;
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        zone = zone == null ? ZoneId.systemDefault() : zone;
    }

    public static TaskFilter of(TaskView view) {
        return new TaskFilter(view, Set.of(), null, null, null, null, null, null);
    }

    public TaskFilter withView(TaskView newView) {
        return new TaskFilter(newView, segments, taskKey, group, location, product, text, zone);
    }
}
