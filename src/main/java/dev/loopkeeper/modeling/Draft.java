package dev.loopkeeper.modeling;

import java.time.Instant;
import java.util.UUID;

/**
 * A model being edited, as its owner last saved it.
 *
 * @param basedOnVersion the deployed version it was opened from, null for a new model
 */
public record Draft(
        UUID id,
        String owner,
        ModelKind kind,
        String key,
        String resourceName,
        String basedOnId,
        Integer basedOnVersion,
        String content,
        Instant updatedAt) {}
