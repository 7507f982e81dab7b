package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the case list narrows to. Empty or null parts do not filter; {@link CaseQueryAddress} writes it into the
 * list's address and reads it back.
 *
 * @param text      words searched in the customer's name, external id, email, phone and the comment
 * @param group     a group that takes or took part in the case
 * @param assignee  a person who holds or held one of its tasks
 * @param minScore  lowest score, 0 to 10
 * @param maxScore  highest score, 0 to 10
 * @param openedFrom first day the case opened on (in the user's zone), inclusive; likewise the others
 */
public record CaseQuery(
        Set<CaseState> states,
        Set<CaseOutcome> outcomes,
        Set<Segment> segments,
        Integer minScore,
        Integer maxScore,
        String group,
        String assignee,
        String region,
        String product,
        LocalDate openedFrom,
        LocalDate openedTo,
        LocalDate closedFrom,
        LocalDate closedTo,
        String text) {

    public CaseQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        minScore = minScore == null ? null : Math.max(0, Math.min(10, minScore));
        maxScore = maxScore == null ? null : Math.max(0, Math.min(10, maxScore));
    }

    /** Every case. */
    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public CaseQuery withText(String newText) {
        return new CaseQuery(
                states,
                outcomes,
                segments,
                minScore,
                maxScore,
                group,
                assignee,
                region,
                product,
                openedFrom,
                openedTo,
                closedFrom,
                closedTo,
                newText);
    }

    public CaseQuery withStates(Set<CaseState> newStates) {
        return new CaseQuery(
                newStates,
                outcomes,
                segments,
                minScore,
                maxScore,
                group,
                assignee,
                region,
                product,
                openedFrom,
                openedTo,
                closedFrom,
                closedTo,
                text);
    }
}
