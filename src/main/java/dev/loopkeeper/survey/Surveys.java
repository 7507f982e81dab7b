package dev.loopkeeper.survey;

import dev.loopkeeper.casework.CaseSummary;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.identity.StaffMember;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.CustomerHistory;
import dev.loopkeeper.intake.IntakeResult;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.outreach.Delivery;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.survey.domain.Invitations;
import dev.loopkeeper.survey.domain.OptOut;
import dev.loopkeeper.survey.domain.OptOuts;
import dev.loopkeeper.survey.domain.SurveyInvitation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Surveys we send ourselves: ask a customer, take their answer into intake (source {@value #SOURCE}), and honour an
 * unsubscribe. Sending happens through {@link SurveyPostman}; a survey asked for now is sent before this returns.
 */
@Service
public class Surveys {

    /** The intake source of answers given on our own page. */
    public static final String SOURCE = "loopkeeper";

    private final Invitations invitations;
    private final OptOuts optOuts;
    private final SurveyPostman postman;
    private final CaseIntake intake;
    private final CustomerHistory history;
    private final Casework casework;
    private final Directory directory;
    private final Outreach outreach;
    private final SurveySettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Surveys(
            Invitations invitations,
            OptOuts optOuts,
            SurveyPostman postman,
            CaseIntake intake,
            CustomerHistory history,
            Casework casework,
            Directory directory,
            Outreach outreach,
            SurveySettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.invitations = invitations;
        this.optOuts = optOuts;
        this.postman = postman;
        this.intake = intake;
        this.history = history;
        this.casework = casework;
        this.directory = directory;
        this.outreach = outreach;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Asks the customer now, unless a survey rule says no: the invitation is recorded either way, SKIPPED with the
     * reason when it was not sent. A send that failed stays SCHEDULED and is tried again later.
     */
    public SurveyInvitationView invite(SurveyRequest request) {
        Instant now = clock.instant();
        SurveyInvitation invitation = transaction.execute(
                tx -> invitations.save(new SurveyInvitation(recipient(request), request.touchpoint(), null, now, now)));
        return view(postman.send(invitation.getId()));
    }

    public Optional<SurveyInvitationView> find(UUID invitationId) {
        return invitations.findById(invitationId).map(this::view);
    }

    /**
     * Takes the answer into intake, which opens its case through the closed loop, and marks the survey answered.
     *
     * @throws SurveyAnswerRefused if the survey was answered before or does not exist
     */
    public AnswerReceipt answer(UUID invitationId, AnswerForm form) {
        SurveyInvitation invitation = invitations
                .findById(invitationId)
                .orElseThrow(() -> new SurveyAnswerRefused("No survey " + invitationId, false));
        if (invitation.isAnswered()) {
            throw new SurveyAnswerRefused("Survey " + invitationId + " was answered before", true);
        }
        Instant now = clock.instant();
        // Idempotent on the invitation: of two answers racing, one opens the case and the other learns it came second
        IntakeResult result = intake.receive(submission(invitation, form, now));
        if (!result.created()) {
            // The case is there; if what came first did not get to mark the survey, the stored answer does now
            transaction.executeWithoutResult(tx -> {
                SurveyInvitation i = invitations.findById(invitationId).orElseThrow();
                if (!i.isAnswered()) {
                    history.response(result.caseId())
                            .ifPresent(stored -> i.answered(stored.score(), result.caseId(), stored.respondedAt()));
                }
            });
            throw new SurveyAnswerRefused("Survey " + invitationId + " was answered before", true);
        }
        transaction.executeWithoutResult(
                tx -> invitations.findById(invitationId).orElseThrow().answered(form.score(), result.caseId(), now));
        return receipt(result.caseId(), Segment.of(form.score()));
    }

    /** One click: this customer gets no survey again, until they opt back in. */
    public void unsubscribe(UUID invitationId) {
        transaction.executeWithoutResult(tx -> {
            String customer = customerOf(invitationId);
            optOuts.findById(customer)
                    .ifPresentOrElse(
                            o -> o.unsubscribed(invitationId, clock.instant()),
                            () -> optOuts.save(new OptOut(customer, invitationId, clock.instant())));
        });
    }

    public void resubscribe(UUID invitationId) {
        transaction.executeWithoutResult(
                tx -> optOuts.findById(customerOf(invitationId)).ifPresent(o -> o.resubscribed(clock.instant())));
    }

    public boolean isUnsubscribed(UUID invitationId) {
        return optOuts.isOptedOut(customerOf(invitationId));
    }

    private String customerOf(UUID invitationId) {
        return invitations
                .findById(invitationId)
                .orElseThrow(() -> new SurveyAnswerRefused("No survey " + invitationId, false))
                .getCustomerExternalId();
    }

    /** Who will call a detractor or a passive, and by when: the case's contact task, as its SLA set it. */
    private AnswerReceipt receipt(UUID caseId, Segment segment) {
        if (segment == Segment.PROMOTER) {
            return new AnswerReceipt(caseId, segment, null, null, null);
        }
        Optional<CaseSummary.OpenTaskView> contact = casework.find(caseId).stream()
                .flatMap(c -> c.openTasks().stream())
                .filter(task -> task.dueAt() != null)
                .findFirst();
        String caller = contact.map(CaseSummary.OpenTaskView::assignee)
                .map(assignee ->
                        directory.staffMember(assignee).map(StaffMember::name).orElse(assignee))
                .orElse(null);
        return new AnswerReceipt(
                caseId,
                segment,
                caller,
                contact.map(CaseSummary.OpenTaskView::candidateGroup).orElse(null),
                contact.map(CaseSummary.OpenTaskView::dueAt).orElse(null));
    }

    private ResponseSubmission submission(SurveyInvitation invitation, AnswerForm form, Instant now) {
        SurveyInvitation.Recipient r = invitation.recipient();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("touchpoint", invitation.getTouchpoint());
        properties.put("may-contact", form.mayContact() ? "yes" : "no");
        // the language the survey was in is the one the customer is written to about their answer
        properties.put("language", r.language());
        if (invitation.getFollowsCaseId() != null) {
            properties.put("follows-case", invitation.getFollowsCaseId().toString());
        }
        return new ResponseSubmission(
                SOURCE,
                invitation.getId().toString(),
                now,
                form.score(),
                form.comment(),
                new CustomerDetails(
                        r.externalId(),
                        r.name(),
                        r.email(),
                        r.phone(),
                        form.mayContact() && form.channel() != null ? form.channel() : r.preferredChannel(),
                        r.tier(),
                        null),
                properties);
    }

    private SurveyInvitation.Recipient recipient(SurveyRequest request) {
        CustomerDetails c = request.customer();
        String language = request.language() == null || request.language().isBlank()
                ? settings.defaultLanguage()
                : request.language();
        return new SurveyInvitation.Recipient(
                c.externalId(), c.name(), c.email(), c.phone(), c.preferredChannel(), c.tier(), language);
    }

    SurveyInvitationView view(SurveyInvitation i) {
        return new SurveyInvitationView(
                i.getId(),
                i.getCustomerExternalId(),
                i.getTouchpoint(),
                i.getStatus(),
                i.getReason(),
                outreach.delivery(DeliveryKey.ofSurvey(i.getId(), "invitation"))
                        .map(Delivery::status)
                        .orElse(null),
                i.getSendAfter(),
                i.getSentAt(),
                i.getRemindedAt(),
                i.getAnsweredAt(),
                i.getScore(),
                i.getCaseId(),
                i.getFollowsCaseId(),
                i.getFollowsScore(),
                i.getLanguage());
    }
}
