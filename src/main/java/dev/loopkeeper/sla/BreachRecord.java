package dev.loopkeeper.sla;

import java.time.Instant;
import java.util.UUID;

/** A breach as other modules see it. */
public record BreachRecord(
        UUID breachId,
        UUID caseId,
        String customerName,
        String segment,
        String activityId,
        Instant dueAt,
        Instant breachedAt,
        String candidateGroup,
        String assigneeAtBreach,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String decision,
        String decisionReason) {

    public boolean isHandled() {
        return acknowledgedAt != null;
    }
}
