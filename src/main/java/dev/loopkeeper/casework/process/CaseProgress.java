package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.casework.domain.ContactAttempt;
import dev.loopkeeper.casework.domain.ContactAttempts;
import dev.loopkeeper.casework.domain.FollowUpCase;
import dev.loopkeeper.casework.domain.Resolution;
import dev.loopkeeper.casework.domain.Resolutions;
import dev.loopkeeper.sharedkernel.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the closed-loop process writes into the case as it moves: attempts, resolution, thanks, the end. */
@Service
@Transactional
class CaseProgress {

    private final Cases cases;
    private final ContactAttempts attempts;
    private final Resolutions resolutions;
    private final Clock clock;

    CaseProgress(Cases cases, ContactAttempts attempts, Resolutions resolutions, Clock clock) {
        this.cases = cases;
        this.attempts = attempts;
        this.resolutions = resolutions;
        this.clock = clock;
    }

    /** @return how many attempts the case has had, this one included */
    int recordAttempt(UUID caseId, Channel channel, ContactOutcome outcome, String notes, String agent) {
        Instant now = clock.instant();
        int attemptNo = attempts.countByCaseId(caseId) + 1;
        attempts.save(new ContactAttempt(caseId, attemptNo, channel, outcome, notes, agent, now));
        followUp(caseId).contacted(outcome, agent, now);
        return attemptNo;
    }

    void recordResolution(UUID caseId, String summary, String rootCause, List<String> whys, boolean fixedNow,
                          boolean systemic, UUID improvementAction, String by) {
        Instant now = clock.instant();
        resolutions.save(new Resolution(caseId, summary, rootCause, whys, fixedNow, systemic, improvementAction, by, now));
        followUp(caseId).resolved(improvementAction, now);
    }

    void recordThanks(UUID caseId) {
        followUp(caseId).thanked(clock.instant());
    }

    /** @return false if there is no such case (a reply forwarded for a case we never had) */
    boolean recordReply(UUID caseId, Instant at) {
        return cases.findById(caseId).map(c -> {
            c.replied(at);
            return true;
        }).orElse(false);
    }

    void recordFixNotified(UUID caseId) {
        followUp(caseId).fixNotified(clock.instant());
    }

    void markUnreachable(UUID caseId) {
        followUp(caseId).closeUnreachable(clock.instant());
    }

    void close(UUID caseId) {
        followUp(caseId).close(clock.instant());
    }

    /** How to reach the customer of a case, as it was when they answered the survey. */
    @Transactional(readOnly = true)
    CustomerContact customerOf(UUID caseId) {
        FollowUpCase c = followUp(caseId);
        return new CustomerContact(c.getId(), c.getCustomerName(), c.getCustomerEmail(), c.getCustomerPhone(),
                c.getSegment(), c.getScore(), c.getComment(), c.getImprovementActionId());
    }

    private FollowUpCase followUp(UUID caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
    }
}
