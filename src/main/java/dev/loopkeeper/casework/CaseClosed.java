package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;
import java.util.UUID;

/**
 * A case's loop ended (resolved, thanked or unreachable). Published synchronously inside the transaction that closed
 * it, so what a listener records (a re-survey, say) commits with the close or not at all.
 */
public record CaseClosed(
        UUID caseId,
        Segment segment,
        int score,
        CaseOutcome outcome,
        Instant closedAt,
        String customerExternalId,
        String customerName,
        String customerEmail,
        String customerPhone,
        Channel preferredChannel,
        String customerTier) {}
