package dev.loopkeeper.insight;

import java.time.Instant;
import java.util.UUID;

/** An improvement action as lists, the board and the case screen show it. */
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
        long linkedCases,
        UUID themeId,
        String themeName,
        String expectedImpact,
        Instant implementedAt,
        Instant verifiedAt) {

    public boolean isLate(Instant now) {
        return status == ImprovementStatus.OPEN && deadline.isBefore(now);
    }
}
