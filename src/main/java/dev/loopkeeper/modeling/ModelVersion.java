package dev.loopkeeper.modeling;

import java.time.Instant;

/**
 * One deployed version of a process, decision or form: where it came from and how many running cases use it.
 *
 * @param deployedBy who deployed it, if it was deployed by a signed-in user (our editor, /engine-rest);
 *                   null for the start-up deployment of the models we ship
 * @param source     the engine's record of where the deployment came from (e.g. "Camunda Modeler")
 * @param runningInstances running process instances of this version; 0 for decisions and forms
 */
public record ModelVersion(
        ModelKind kind,
        String key,
        String name,
        int version,
        String definitionId,
        String deploymentId,
        String deploymentName,
        String resourceName,
        Instant deployedAt,
        String deployedBy,
        String source,
        String note,
        long runningInstances) {

    /** Who deployed it as people read it: the user, or what the engine knows. */
    public String deployedByLabel() {
        if (deployedBy != null) {
            return deployedBy;
        }
        return source == null || source.isBlank() ? "start-up (" + deploymentName + ")" : source;
    }
}
