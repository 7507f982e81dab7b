package dev.loopkeeper.audit;

import java.time.Instant;

/** One row of the audit trail, as the screen and the CSV show it. */
public record AuditEntry(
        Instant at,
        String actor,
        String action,
        String targetKind,
        String target,
        String caseId,
        String clientAddress,
        String reason,
        String detail) {}
