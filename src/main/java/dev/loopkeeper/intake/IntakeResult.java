package dev.loopkeeper.intake;

import java.util.UUID;

/**
 * What intake did with a submission. The case id is the response id (one response, one case), except for a returning
 * customer's low score while their case is open: that response joins the open case, whose id this is.
 *
 * @param created false when the same (source, source event id) had arrived before
 */
public record IntakeResult(UUID caseId, boolean created) {}
