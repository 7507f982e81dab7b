package dev.loopkeeper.survey;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A survey sent to a list, and how far it got.
 *
 * @param counts invitations by status; {@code SCHEDULED} ones are still to go
 */
public record SurveyRunView(
        UUID runId,
        String name,
        String touchpoint,
        int total,
        boolean paused,
        String createdBy,
        Instant createdAt,
        Map<InvitationStatus, Long> counts) {

    /** Invitations no longer waiting: sent, answered, skipped or failed. */
    public long done() {
        return total - counts.getOrDefault(InvitationStatus.SCHEDULED, 0L);
    }
}
