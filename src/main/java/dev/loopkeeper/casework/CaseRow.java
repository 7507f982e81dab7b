package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;
import java.util.UUID;

/**
 * One case as the case list shows it.
 *
 * @param holder  who holds its earliest open task (a person, or the group it is offered to); null without one
 * @param nextDue when its earliest open task is due; null without one
 */
public record CaseRow(
        UUID caseId,
        CaseState state,
        CaseOutcome closedAs,
        String customerExternalId,
        String customerName,
        String customerEmail,
        String customerPhone,
        int score,
        Segment segment,
        String comment,
        String region,
        String product,
        String holder,
        Instant nextDue,
        Instant openedAt,
        Instant closedAt) {

    /** The state in words, with how a closed case ended. */
    public String stateLabel() {
        if (state == CaseState.CLOSED && closedAs != null) {
            return switch (closedAs) {
                case RESOLVED -> "Closed: resolved";
                case UNREACHABLE -> "Closed: unreachable";
                case THANKED -> "Closed: thanked";
                case NO_FOLLOW_UP -> "Closed: no follow-up";
            };
        }
        return state.label();
    }
}
