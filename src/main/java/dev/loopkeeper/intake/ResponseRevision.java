package dev.loopkeeper.intake;

import java.time.Instant;
import java.util.UUID;

/** One change a survey tool made to a response, for the case's timeline. */
public record ResponseRevision(
        UUID responseId,
        Instant revisedAt,
        int scoreBefore,
        int scoreAfter,
        String commentBefore,
        String commentAfter) {}
