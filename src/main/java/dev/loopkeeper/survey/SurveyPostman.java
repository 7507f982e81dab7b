package dev.loopkeeper.survey;

import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.OutreachFailed;
import dev.loopkeeper.survey.domain.Invitations;
import dev.loopkeeper.survey.domain.SurveyInvitation;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final SurveyLinks links;
    private final Outreach outreach;
    private final SurveySettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SurveyPostman(
            Invitations invitations,
            SurveyRules rules,
            SurveyLinks links,
            Outreach outreach,
            SurveySettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.invitations = invitations;
        this.rules = rules;
        this.links = links;
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

    /** By email; to a customer we know only a phone number of, by text message with the answer page's link. */
    private void deliver(SurveyInvitation invitation, DeliveryKey key, String template, Instant expiresAt) {
        if (invitation.getEmail() != null) {
            outreach.emailTemplate(
                    key,
                    template,
                    invitation.getLanguage(),
                    invitation.getEmail(),
                    invitation.getCustomerName(),
                    model(invitation, expiresAt));
        } else {
            outreach.smsTemplate(
                    key, template, invitation.getLanguage(), invitation.getPhone(), model(invitation, expiresAt));
        }
    }

    /** What a survey message says: the 0–10 links, the link for an SMS or a plain page, and the unsubscribe link. */
    Map<String, Object> model(SurveyInvitation invitation, Instant expiresAt) {
        List<Map<String, Object>> scores = new ArrayList<>();
        for (int score = 0; score <= 10; score++) {
            scores.add(Map.of(
                    "score",
                    score,
                    "url",
                    links.answer(invitation.getId(), score, expiresAt).toString()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("scores", scores);
        model.put("answerUrl", links.answer(invitation.getId(), null, expiresAt).toString());
        model.put("unsubscribeUrl", unsubscribe(invitation, expiresAt).toString());
        model.put("name", invitation.getCustomerName());
        model.put("touchpoint", invitation.getTouchpoint());
        model.put("resurvey", invitation.getFollowsCaseId() != null);
        return model;
    }

    /** An unsubscribe link outlives the survey's links: asking not to be asked again is never too late. */
    private URI unsubscribe(SurveyInvitation invitation, Instant expiresAt) {
        return links.unsubscribe(invitation.getId(), expiresAt.plus(java.time.Duration.ofDays(365)));
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
