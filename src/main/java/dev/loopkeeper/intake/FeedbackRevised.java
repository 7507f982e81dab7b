package dev.loopkeeper.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A survey tool changed a stored response (Delighted sends the comment minutes after the score). Published inside
 * the transaction that stores the change; the response keeps its case, and the case its loop.
 */
public record FeedbackRevised(
        UUID responseId,
        Instant revisedAt,
        int scoreBefore,
        int scoreAfter,
        String commentBefore,
        String commentAfter) {}
