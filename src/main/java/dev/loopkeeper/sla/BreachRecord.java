package dev.loopkeeper.sla;

import java.time.Instant;
import java.util.UUID;

/** A breach as other modules see it. */
public record BreachRecord(UUID caseId, String activityId, Instant dueAt, Instant breachedAt, String candidateGroup,
                           String assigneeAtBreach, String acknowledgedBy, Instant acknowledgedAt, String decision,
                           String decisionReason) {
}
