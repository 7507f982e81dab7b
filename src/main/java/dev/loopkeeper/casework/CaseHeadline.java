package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;
import java.util.UUID;

/** A case in one line: enough to list it and link to its screen. */
public record CaseHeadline(
        UUID caseId, String customerName, int score, Segment segment, CaseStatus status, Instant openedAt) {}
