package dev.loopkeeper.casework;

import dev.loopkeeper.insight.ImprovementView;
import dev.loopkeeper.sharedkernel.Segment;
import java.util.List;
import java.util.UUID;

/**
 * What a task of an improvement action's process is about: the action, and the cases (customers) waiting on it.
 *
 * @param cases      the linked cases the user may see
 * @param linkedCases how many cases are linked in all
 */
public record ActionAtHand(ImprovementView action, List<LinkedCase> cases, int linkedCases) {

    /** A case waiting on the action, with its customer. */
    public record LinkedCase(UUID caseId, String customerName, int score, Segment segment, CaseStatus status) {}
}
