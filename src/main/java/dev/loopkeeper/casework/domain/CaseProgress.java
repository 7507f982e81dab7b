package dev.loopkeeper.casework.domain;

import dev.loopkeeper.casework.CaseClosed;
import dev.loopkeeper.casework.CaseContacted;
import dev.loopkeeper.casework.CaseOpened;
import dev.loopkeeper.casework.CaseStatus;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.intake.FeedbackReceived;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a case's state is written: opened for a response, driven by its process, the SLA started,
 * attempts, comments, the resolution, thanks, replies, and the end. Whoever moves a case (the process, an
 * agent, the SLA) comes through here.
 */
@Service
@Transactional
public class CaseProgress {

    private final Cases cases;
    private final ContactAttempts attempts;
    private final Resolutions resolutions;
    private final CaseComments comments;
    private final CaseRepeats repeats;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ChangedDays changedDays;

    CaseProgress(
            Cases cases,
            ContactAttempts attempts,
            Resolutions resolutions,
            CaseComments comments,
            CaseRepeats repeats,
            ApplicationEventPublisher events,
            Clock clock,
            ChangedDays changedDays) {
        this.changedDays = changedDays;
        this.cases = cases;
        this.attempts = attempts;
        this.resolutions = resolutions;
        this.comments = comments;
        this.repeats = repeats;
        this.events = events;
        this.clock = clock;
    }

    /** A remedy an agent gave: its kind ({@code credit}, {@code refund}, {@code gift-card}) and amount. */
    public record Remedy(String type, BigDecimal amount) {}

    /** @return the new case's id, which is the response's */
    public UUID open(FeedbackReceived response) {
        FollowUpCase c = cases.save(FollowUpCase.openFor(response, clock.instant()));
        // marked with the transaction's other marks, in one statement, before Hibernate writes the case
        changedDays.caseOpened(c.getId(), c.getOpenedAt());
        events.publishEvent(new CaseOpened(
                c.getId(),
                response.segment(),
                response.score(),
                response.customer().externalId(),
                response.properties().get("region"),
                response.properties().get("product"),
                response.comment(),
                c.getOpenedAt()));
        return c.getId();
    }

    public void drivenBy(UUID caseId, String processInstanceId) {
        followUp(caseId).drivenBy(processInstanceId);
    }

    /** The SLA clock started: the case keeps its due time for the loop's health figures. */
    public void slaStarted(UUID caseId, Instant due) {
        cases.findById(caseId).ifPresent(c -> c.slaStarted(due));
    }

    /** @return how many attempts the case has had, this one included */
    public int recordAttempt(UUID caseId, Channel channel, ContactOutcome outcome, String notes, String agent) {
        return recordAttempt(caseId, channel, outcome, notes, agent, null);
    }

    /**
     * @param remedy what the agent gave the customer at this attempt, if anything
     * @return how many attempts the case has had, this one included
     */
    public int recordAttempt(
            UUID caseId, Channel channel, ContactOutcome outcome, String notes, String agent, Remedy remedy) {
        Instant now = clock.instant();
        int attemptNo = attempts.countByCaseId(caseId) + 1;
        ContactAttempt attempt = new ContactAttempt(caseId, attemptNo, channel, outcome, notes, agent, now);
        if (remedy != null) {
            attempt.withRemedy(remedy.type(), remedy.amount());
        }
        attempts.save(attempt);
        followUp(caseId).contacted(outcome, agent, now);
        events.publishEvent(new CaseContacted(caseId, attemptNo, channel, outcome, agent, now));
        return attemptNo;
    }

    /** The customer was reached: when the resolution is due, and the next contact the agent promised (if any). */
    public void resolutionClockStarted(UUID caseId, Instant due, Instant promisedContact, String pointOfContact) {
        followUp(caseId).resolutionClockStarted(due, promisedContact, pointOfContact);
    }

    public void resolutionDueMoved(UUID caseId, Instant due) {
        followUp(caseId).resolutionDueMoved(due);
    }

    /** The customer's low score again, while this case is open: kept with the case, whose priority rises. */
    public void recordRepeat(UUID caseId, FeedbackReceived response) {
        repeats.save(new CaseRepeat(
                response.responseId(),
                caseId,
                response.score(),
                response.comment(),
                response.touchpoint(),
                response.receivedAt()));
        followUp(caseId).raisePriority();
    }

    public void raisePriority(UUID caseId) {
        followUp(caseId).raisePriority();
    }

    /** The low scores that joined the case, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseRepeat> repeatsOf(UUID caseId) {
        return repeats.findByCaseIdOrderByReceivedAt(caseId);
    }

    public void comment(UUID caseId, String author, String text) {
        comments.save(new CaseComment(caseId, author, text, clock.instant()));
    }

    public void recordResolution(
            UUID caseId,
            String summary,
            String rootCause,
            List<String> whys,
            boolean fixedNow,
            boolean systemic,
            UUID improvementAction,
            String by) {
        Instant now = clock.instant();
        resolutions.save(
                new Resolution(caseId, summary, rootCause, whys, fixedNow, systemic, improvementAction, by, now));
        followUp(caseId).resolved(improvementAction, now);
    }

    public void recordThanks(UUID caseId) {
        followUp(caseId).thanked(clock.instant());
    }

    /** @return false if there is no such case (a reply forwarded for a case we never had) */
    public boolean recordReply(UUID caseId, Instant at) {
        return cases.findById(caseId)
                .map(c -> {
                    c.replied(at);
                    return true;
                })
                .orElse(false);
    }

    /** The survey tool changed the response's comment after the case opened; a case we never had is fine. */
    public void commentRevised(UUID caseId, String comment) {
        cases.findById(caseId).ifPresent(c -> c.commentRevised(comment));
    }

    public void recordFixNotified(UUID caseId) {
        followUp(caseId).fixNotified(clock.instant());
    }

    /**
     * Whether the case's own loop tells its customer of this action's fix: it is open and its resolution names the
     * action (it waits for the fix, or is about to). Every other case linked to the action is told directly.
     */
    @Transactional(readOnly = true)
    public boolean loopTellsOfFix(UUID caseId, UUID actionId) {
        return cases.findById(caseId)
                .map(c -> c.getStatus() == CaseStatus.OPEN && actionId.equals(c.getImprovementActionId()))
                .orElse(true);
    }

    /** Whether the customer has heard of a fix already (one notice per case, whatever the action). */
    @Transactional(readOnly = true)
    public boolean toldOfFix(UUID caseId) {
        return cases.findById(caseId).map(c -> c.getFixNotifiedAt() != null).orElse(true);
    }

    public void markUnreachable(UUID caseId) {
        FollowUpCase c = followUp(caseId);
        c.closeUnreachable(clock.instant());
        events.publishEvent(closed(c));
    }

    /** @param reason why, where the policy is not the reason: {@code customer declined contact} */
    public void closeWithoutFollowUp(UUID caseId, String reason) {
        followUp(caseId).closeWithoutFollowUp(clock.instant(), reason);
    }

    public void close(UUID caseId) {
        FollowUpCase c = followUp(caseId);
        c.close(clock.instant());
        events.publishEvent(closed(c));
    }

    /** Whether the customer has a case whose loop is still running. */
    @Transactional(readOnly = true)
    public boolean hasOpenCase(String customerExternalId) {
        return cases.existsByCustomerExternalIdAndStatus(customerExternalId, CaseStatus.OPEN);
    }

    private static CaseClosed closed(FollowUpCase c) {
        return new CaseClosed(
                c.getId(),
                c.getSegment(),
                c.getScore(),
                c.getClosedAs(),
                c.getClosedAt(),
                c.getCustomerExternalId(),
                c.getCustomerName(),
                c.getCustomerEmail(),
                c.getCustomerPhone(),
                c.getPreferredChannel(),
                c.getCustomerTier());
    }

    /** How to reach the customer of a case, as it was when they answered the survey. */
    @Transactional(readOnly = true)
    public CustomerContact customerOf(UUID caseId) {
        FollowUpCase c = followUp(caseId);
        return new CustomerContact(
                c.getId(),
                c.getCustomerName(),
                c.getCustomerEmail(),
                c.getCustomerPhone(),
                c.getPreferredChannel(),
                c.getSegment(),
                c.getScore(),
                c.getComment(),
                c.getImprovementActionId(),
                c.getCustomerLanguage());
    }

    private FollowUpCase followUp(UUID caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
    }
}
