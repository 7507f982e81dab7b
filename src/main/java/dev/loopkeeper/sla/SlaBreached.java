package dev.loopkeeper.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * A step's SLA ran out and the breach was recorded; {@code escalation} when it was the supervisors' review that ran
 * out. Published inside the job's transaction that recorded it, so a retried job publishes it once.
 */
public record SlaBreached(
        UUID breachId,
        UUID caseId,
        String step,
        Instant dueAt,
        Instant breachedAt,
        String segment,
        boolean escalation) {}
