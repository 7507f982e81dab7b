package dev.loopkeeper.modeling;

import java.util.List;

/**
 * What migrating the running instances of one process version to another would do: the plan the engine
 * generated (activities with equal ids mapped to each other), what the engine says is wrong with it, and
 * which instances would move.
 *
 * @param problems    the engine's validation report; the plan can run only if this is empty
 * @param instances   how many running instances the source version has
 * @param waiting     where they wait: activity id and how many instances are there
 * @param sample      the business keys (case ids) of the first instances
 */
public record MigrationPreview(
        ModelVersion source,
        ModelVersion target,
        List<Mapping> mappings,
        List<String> problems,
        long instances,
        List<Waiting> waiting,
        List<String> sample) {

    /** One instruction of the plan: instances in the source activity continue in the target activity. */
    public record Mapping(String sourceActivityId, String targetActivityId) {}

    public record Waiting(String activityId, long instances) {}

    public boolean feasible() {
        return problems.isEmpty() && instances > 0;
    }
}
