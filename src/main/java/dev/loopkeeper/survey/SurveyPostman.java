package dev.loopkeeper.survey;

import dev.loopkeeper.outreach.ComposedEmail;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.OutreachFailed;
import dev.loopkeeper.survey.domain.Invitations;
import dev.loopkeeper.survey.domain.SurveyInvitation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends invitations when they are due and the one reminder, on every node. Each message goes through outreach's
 * send-once log under the invitation's key, so two nodes that pick the same invitation send it once; the survey
 * rules are asked at the moment of sending, since a customer may have opened a case or unsubscribed meanwhile.
 */
@Component
class SurveyPostman {

    private static final Logger log = LoggerFactory.getLogger(SurveyPostman.class);
    static final String INVITATION = "survey-invitation";
    static final String REMINDER = "survey-reminder";

    private final Invitations invitations;
    private final SurveyRules rules;
    private final SurveyTemplates templates;
    private final Outreach outreach;
    private final SurveySettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SurveyPostman(
            Invitations invitations,
            SurveyRules rules,
            SurveyTemplates templates,
            Outreach outreach,
            SurveySettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.invitations = invitations;
        this.rules = rules;
        this.templates = templates;
        this.outreach = outreach;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loopkeeper.surveys.poll:PT30S}", initialDelayString = "PT10S")
    void onSchedule() {
        if (settings.postman()) {
            deliverDue();
        }
    }

    /** Sends what is due now, a batch of invitations and a batch of reminders; returns how many it looked at. */
    int deliverDue() {
        Instant now = clock.instant();
        List<UUID> due = invitations.due(now, Limit.of(settings.batch()));
        due.forEach(this::send);
        List<UUID> reminders = invitations.remindersDue(now, Limit.of(settings.batch()));
        reminders.forEach(this::remind);
        return due.size() + reminders.size();
    }

    /** Sends the invitation if it is still waiting and the rules allow it now. */
    SurveyInvitation send(UUID id) {
        SurveyInvitation invitation = transaction.execute(tx -> {
            SurveyInvitation i = invitations.findById(id).orElseThrow();
            if (i.getStatus() != InvitationStatus.SCHEDULED) {
                return i;
            }
            String why = rules.whyNot(i)
                    .orElse(i.getEmail() == null && i.getPhone() == null ? "no email address or phone" : null);
            if (why != null) {
                i.skipped(why);
            }
            return i;
        });
        if (invitation.getStatus() != InvitationStatus.SCHEDULED) {
            return invitation;
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.linkValidity());
        try {
            deliver(invitation, DeliveryKey.ofSurvey(id, "invitation"), INVITATION, expiresAt);
            return update(id, i -> i.sent(now, settings.linkValidity(), settings.reminderAfter()));
        } catch (OutreachFailed failed) {
            log.warn("Survey invitation {} was not sent: {}", id, failed.getMessage());
            return update(
                    id,
                    i -> i.sendFailed(failed.getMessage(), now.plus(settings.retryAfter()), settings.maxAttempts()));
        }
    }

    /** The one reminder: never a second, and never to someone who answered or unsubscribed since. */
    void remind(UUID id) {
        SurveyInvitation invitation = invitations.findById(id).orElseThrow();
        if (invitation.getStatus() != InvitationStatus.SENT || invitation.getRemindedAt() != null) {
            return;
        }
        boolean stillWelcome = rules.whyNot(invitation)
                .filter(why -> why.startsWith("unsubscribed"))
                .isEmpty();
        try {
            if (stillWelcome) {
                deliver(invitation, DeliveryKey.ofSurvey(id, "reminder"), REMINDER, invitation.getExpiresAt());
            }
            update(id, i -> i.reminded(clock.instant()));
        } catch (OutreachFailed failed) {
            // the next round tries again; the send-once log keeps it to one reminder whatever happens
            log.warn("Survey reminder {} was not sent: {}", id, failed.getMessage());
        }
    }

    /**
     * By email; to a customer we know only a phone number of, by text message with the answer page's link. The
     * words are the process owners' templates in the customer's language ({@link SurveyTemplates}).
     */
    private void deliver(SurveyInvitation invitation, DeliveryKey key, String kind, Instant expiresAt) {
        SurveyMessage message = kind.equals(REMINDER)
                ? SurveyMessage.REMINDER
                : invitation.getFollowsCaseId() != null ? SurveyMessage.RESURVEY : SurveyMessage.INVITATION;
        RenderedSurvey survey = templates.compose(
                message,
                new SurveyTemplates.Addressee(
                        invitation.getCustomerName(), invitation.getTouchpoint(), invitation.getId(), expiresAt),
                invitation.getLanguage());
        String template = "survey-" + message.key() + "." + survey.language();
        if (invitation.getEmail() != null) {
            outreach.emailComposed(
                    key,
                    template,
                    invitation.getEmail(),
                    invitation.getCustomerName(),
                    new ComposedEmail(survey.subject(), survey.html(), survey.text(), survey.unsubscribe()));
        } else {
            outreach.smsComposed(key, template, invitation.getPhone(), survey.sms());
        }
    }

    private SurveyInvitation update(UUID id, java.util.function.Consumer<SurveyInvitation> change) {
        try {
            return transaction.execute(tx -> {
                SurveyInvitation i = invitations.findById(id).orElseThrow();
                change.accept(i);
                return i;
            });
        } catch (ObjectOptimisticLockingFailureException racedByAnotherNode) {
            return invitations.findById(id).orElseThrow();
        }
    }
}
