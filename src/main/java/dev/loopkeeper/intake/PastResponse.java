package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One of a customer's responses, as their history shows it.
 *
 * @param history kept from the past (an import): it opened no case
 */
public record PastResponse(
        UUID responseId,
        String source,
        Instant respondedAt,
        int score,
        Segment segment,
        String comment,
        Map<String, String> properties,
        boolean history) {}
