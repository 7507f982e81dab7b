package dev.loopkeeper.casework;

import java.util.List;
import java.util.Map;

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
}
