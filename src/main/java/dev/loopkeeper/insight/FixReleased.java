package dev.loopkeeper.insight;

import java.time.Instant;
import java.util.UUID;

/**
 * An improvement action's fix was verified and announced: every customer waiting on it is to be told.
 * Published inside the announcing transaction, so a listener that fails undoes the announcement.
 */
public record FixReleased(UUID actionId, String title, Instant at) {}
