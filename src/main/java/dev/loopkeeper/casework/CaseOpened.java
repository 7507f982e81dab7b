package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;
import java.util.UUID;

/**
 * A response opened a case. Published synchronously inside the intake's transaction, so what a listener writes (an
 * outbound webhook) commits with the case or not at all.
 */
public record CaseOpened(
        UUID caseId,
        Segment segment,
        int score,
        String customerExternalId,
        String region,
        String product,
        String comment,
        Instant openedAt) {}
