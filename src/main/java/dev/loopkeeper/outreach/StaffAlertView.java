package dev.loopkeeper.outreach;

import java.time.Instant;
import java.util.UUID;

/** An alert as the bell shows it. */
public record StaffAlertView(
        UUID id,
        UUID caseId,
        String group,
        String userId,
        String kind,
        String subject,
        String body,
        Instant createdAt) {}
