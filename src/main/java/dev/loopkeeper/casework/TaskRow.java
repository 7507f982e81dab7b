package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;
import java.util.UUID;

/** One line of the tasklist: the task and what the agent needs to know about its case. */
public record TaskRow(
        String taskId,
        UUID caseId,
        String customerName,
        Integer score,
        Segment segment,
        String comment,
        String taskName,
        String taskKey,
        Instant dueAt,
        String assignee,
        String owner,
        String candidateGroup,
        Channel preferredChannel,
        String location,
        String product,
        Instant createdAt,
        String region) {

    public boolean isAssignedTo(String userId) {
        return userId.equals(assignee);
    }

    /** Nobody holds it, and the actor may work it. */
    public boolean isClaimableBy(Actor actor) {
        return assignee == null && actor.mayWork(candidateGroup);
    }

    /** A colleague works it for its owner, who gets it back when they are done. */
    public boolean isDelegated() {
        return owner != null && !owner.equals(assignee);
    }
}
