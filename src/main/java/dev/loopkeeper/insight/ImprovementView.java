package dev.loopkeeper.insight;

import java.time.Instant;
import java.util.UUID;

/** An improvement action as lists and the case screen show it. */
public record ImprovementView(
        UUID id,
        String title,
        String description,
        String rootCause,
        String owner,
        Instant deadline,
        ImprovementStatus status,
        String createdBy,
        Instant createdAt,
        Instant announcedAt,
        long linkedCases) {}
