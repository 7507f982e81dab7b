package dev.loopkeeper.modeling;

import java.util.List;

/**
 * How far a migration batch has come.
 *
 * @param total    batch jobs in all (one per chunk of instances)
 * @param failures what the failed jobs reported; an instance whose job failed stays on the old version
 * @param stillOnSource running instances still on the source version
 */
public record MigrationProgress(
        String batchId,
        int total,
        int completed,
        int failed,
        boolean done,
        List<String> failures,
        long stillOnSource) {}
