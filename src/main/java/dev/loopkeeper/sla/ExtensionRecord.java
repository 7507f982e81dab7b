package dev.loopkeeper.sla;

import java.time.Instant;
import java.util.UUID;

/** A due time a supervisor moved. */
public record ExtensionRecord(
        UUID caseId, Instant previousDue, Instant newDue, String reason, String extendedBy, Instant extendedAt) {}
