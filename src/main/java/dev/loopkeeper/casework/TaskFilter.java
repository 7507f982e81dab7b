package dev.loopkeeper.casework;

import dev.loopkeeper.insight.ImprovementProcess;
import dev.loopkeeper.sharedkernel.Segment;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the agent narrows the tasklist to. Empty or null parts do not filter. {@link TaskFilterAddress} writes it
 * into the tasklist's address and reads it back.
 *
 * @param text  words searched in the customer's name and comment
 * @param zone  whose "today" the due-today view means: the agent's time zone
 */
public record TaskFilter(
        TaskView view,
        Set<Segment> segments,
        String taskKey,
        String group,
        String location,
        String product,
        String text,
        ZoneId zone) {

    /** The tasks the filter offers, by key, with their names: the user tasks of the closed loop and of an action. */
    public static final Map<String, String> TASKS = tasks();

    public TaskFilter {
        view = view == null ? TaskView.MY_WORK : view;
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        zone = zone == null ? ZoneId.systemDefault() : zone;
    }

    public static TaskFilter of(TaskView view) {
        return new TaskFilter(view, Set.of(), null, null, null, null, null, null);
    }

    public TaskFilter withText(String newText) {
        return new TaskFilter(view, segments, taskKey, group, location, product, newText, zone);
    }

    public TaskFilter withView(TaskView newView) {
        return new TaskFilter(newView, segments, taskKey, group, location, product, text, zone);
    }

    private static Map<String, String> tasks() {
        Map<String, String> tasks = new LinkedHashMap<>();
        tasks.put(ClosedLoop.CONTACT_CUSTOMER, "Contact customer");
        tasks.put(ClosedLoop.LOG_RESOLUTION, "Log resolution");
        tasks.put(ClosedLoop.THANK_PROMOTER, "Thank promoter");
        tasks.put(ClosedLoop.REVIEW_ESCALATION, "Review escalation");
        tasks.put(ImprovementProcess.IMPLEMENT, "Implement");
        tasks.put(ImprovementProcess.VERIFY_FIX, "Verify fix");
        return Collections.unmodifiableMap(tasks);
    }
}
