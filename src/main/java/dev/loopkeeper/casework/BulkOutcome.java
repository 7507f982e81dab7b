package dev.loopkeeper.casework;

import java.util.List;
import java.util.Map;
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
        return what + ": " + done.size() + (isComplete() ? "" : ". " + stayed + ": " + refused.size() + " ("
                + refused.values().stream().distinct().collect(Collectors.joining("; ")) + ")");
    }
}
