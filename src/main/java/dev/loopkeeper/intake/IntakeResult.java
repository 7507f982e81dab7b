package dev.loopkeeper.intake;

import java.util.UUID;

/**
 * What intake did with a submission. The case id is the response id: one response, one case.
 *
 * @param created false when the same (source, source event id) had arrived before
 */
public record IntakeResult(UUID caseId, boolean created) {}
