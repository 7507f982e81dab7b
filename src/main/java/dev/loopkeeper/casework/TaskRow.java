package dev.loopkeeper.casework;

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
        String candidateGroup,
        Instant createdAt) {

    public boolean isAssignedTo(String userId) {
        return userId.equals(assignee);
    }
}
