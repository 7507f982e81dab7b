package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Worded;
import dev.loopkeeper.sharedkernel.Words;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a bulk action did: the tasks it changed, and for each it left alone, why.
 *
 * @param refused      task id to the reason, in English words for the user
 * @param refusedWords task id to the reason's words, for a screen to say in the user's language (where it has them)
 */
public record BulkOutcome(List<String> done, Map<String, String> refused, Map<String, Words> refusedWords) {

    public BulkOutcome {
        done = List.copyOf(done);
        refused = Map.copyOf(refused);
        refusedWords = Map.copyOf(refusedWords);
    }

    public BulkOutcome(List<String> done, Map<String, String> refused) {
        this(done, refused, Map.of());
    }

    /**
     * Runs the action on each task; a task it refuses (someone else took it, a rule said no) is reported with
     * its reason, and the rest go on.
     */
    public static BulkOutcome each(List<String> taskIds, Consumer<String> action) {
        List<String> done = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, Words> refusedWords = new LinkedHashMap<>();
        for (String taskId : taskIds) {
            try {
                action.accept(taskId);
                done.add(taskId);
            } catch (TaskNotAvailable | InvalidTaskInput e) {
                refused.put(taskId, e.getMessage());
                if (e instanceof Worded worded && worded.words() != null) {
                    refusedWords.put(taskId, worded.words());
                }
            }
        }
        return new BulkOutcome(done, refused, refusedWords);
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
        return summary(what, stayed, null);
    }

    /** The same, each reason said in the user's language where it has words ({@code say}), else as it is. */
    public String summary(String what, String stayed, Function<Words, String> say) {
        return what + ": " + done.size()
                + (isComplete()
                        ? ""
                        : ". " + stayed + ": " + refused.size() + " ("
                                + refused.keySet().stream()
                                        .map(taskId -> say != null && refusedWords.containsKey(taskId)
                                                ? say.apply(refusedWords.get(taskId))
                                                : refused.get(taskId))
                                        .distinct()
                                        .collect(Collectors.joining("; "))
                                + ")");
    }
}
