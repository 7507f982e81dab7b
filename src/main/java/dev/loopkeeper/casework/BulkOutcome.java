package dev.loopkeeper.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What a bulk action did: the tasks it changed, and for each it left alone, why.
 *
 * @param refused task id to the reason, in words for the user
 */
public record BulkOutcome(List<String> done, Map<String, String> refused) {

    public BulkOutcome {
        done = List.copyOf(done);
        refused = Map.copyOf(refused);
    }

    /**
     * Runs the action on each task; a task it refuses (someone else took it, a rule said no) is reported with
     * its reason, and the rest go on.
     */
    public static BulkOutcome each(List<String> taskIds, Consumer<String> action) {
        List<String> done = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (String taskId : taskIds) {
            try {
                action.accept(taskId);
                done.add(taskId);
            } catch (TaskNotAvailable | InvalidTaskInput e) {
                refused.put(taskId, e.getMessage());
            }
        }
        return new BulkOutcome(done, refused);
    }

    /** Every task went through. */
    public boolean isComplete() {
        return refused.isEmpty();
    }

    /** In a line for the user, e.g. "Claimed: 3. Not changed: 1 (Already claimed by frank)". */
    public String summary(String what) {
        return summary(what, "Not changed");
    }

    /** The same, with the user's words for the tasks that stayed. */
    public String summary(String what, String stayed) {
        return what + ": " + done.size()
                + (isComplete()
                        ? ""
                        : ". " + stayed + ": " + refused.size() + " ("
                                + refused.values().stream().distinct().collect(Collectors.joining("; ")) + ")");
    }
}
