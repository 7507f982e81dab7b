package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Actor;
import java.util.UUID;

/**
 * A user task opened, changed hands or closed. Published inside the engine's transaction; listen after
 * commit, when the tasklist's tables show it.
 */
public record TaskChanged(
        String taskId, UUID caseId, Change change, String taskName, String candidateGroup, String assignee) {

    public enum Change {
        OPENED,
        ASSIGNED,
        CLOSED
    }

    /** Whether the actor's tasklist shows the task: it is theirs, or one they may work. */
    public boolean concerns(Actor actor) {
        return actor.userId().equals(assignee) || actor.mayWork(candidateGroup);
    }
}
