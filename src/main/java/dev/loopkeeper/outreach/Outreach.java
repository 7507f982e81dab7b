package dev.loopkeeper.outreach;

import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.identity.StaffMember;
import dev.loopkeeper.outreach.domain.Alert;
import dev.loopkeeper.outreach.domain.Alerts;
import dev.loopkeeper.outreach.domain.DeliveryLog;
import dev.loopkeeper.outreach.domain.Notification;
import dev.loopkeeper.outreach.domain.Notifications;
import dev.loopkeeper.outreach.template.MessageTemplates;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Messages to customers and alerts to staff, each logged with its status and attempts.
 *
 * <p>Sending is meant to run in an async Camunda job: every send is idempotent on its key and writes
 * the delivery log in transactions of its own, so that when a send fails the job's transaction can roll
 * back and the engine's retry run the job again without sending what was already sent.
 */
@Service
public class Outreach {

    private static final Logger log = LoggerFactory.getLogger(Outreach.class);

    static {
        // Jakarta Mail 2.1 finds its StreamProvider through a ServiceLoader scan of the class path for every
        // multipart and body part it creates: 7 % of an intake's CPU in our profile. A named provider is loaded
        // by name instead (jakartaee/mail-api#699; the cache comes only with Jakarta Mail 2.2).
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    static final String STAFF_ALERT_TEMPLATE = "staff-alert";
    static final String STAFF_DIGEST_TEMPLATE = "staff-digest";
    /** The template name logged for emails an agent wrote or edited. */
    static final String WRITTEN_BY_AGENT = "written-by-agent";

    private final DeliveryLog deliveryLog;
    private final Notifications notifications;
    private final Alerts alerts;
    private final MessageTemplates templates;
    private final ReplyLinks replyLinks;
    private final JavaMailSender mail;
    private final SmsGateway sms;
    private final ChatPosts chats;
    private final Directory directory;
    private final OutreachSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final MeterRegistry meters;

    Outreach(
            DeliveryLog deliveryLog,
            Notifications notifications,
            Alerts alerts,
            MessageTemplates templates,
            ReplyLinks replyLinks,
            JavaMailSender mail,
            SmsGateway sms,
            ChatPosts chats,
            Directory directory,
            OutreachSettings settings,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            MeterRegistry meters) {
        this.deliveryLog = deliveryLog;
        this.notifications = notifications;
        this.alerts = alerts;
        this.templates = templates;
        this.replyLinks = replyLinks;
        this.mail = mail;
        this.sms = sms;
        this.chats = chats;
        this.directory = directory;
        this.settings = settings;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Sends the email once. If a delivery with this key was already sent, does nothing and returns it.
     *
     * @throws OutreachFailed when the mail server did not take the message (the failed attempt stays in
     *                        the log), or when an attempt at the same key is still running
     */
    public Delivery email(CustomerMessage message) {
        String template = templates.emailTemplate(message.step(), message.segment(), message.language());
        return once(
                message.deliveryKey(),
                message.caseId(),
                Medium.EMAIL,
                message.step(),
                message.address(),
                template,
                () -> {
                    var email = templates.email(template, variables(message, Channel.EMAIL));
                    sendEmail(email, message.address(), message.recipientName(), message.deliveryKey());
                });
    }

    /** Sends the text message once through the configured {@link SmsGateway}; same contract as {@link #email}. */
    public Delivery sms(CustomerMessage message) {
        String template = templates.smsTemplate(message.step(), message.segment(), message.language());
        return once(
                message.deliveryKey(),
                message.caseId(),
                Medium.SMS,
                message.step(),
                message.address(),
                template,
                () -> sms.send(
                        message.address(),
                        templates.text(template, variables(message, Channel.SMS)),
                        message.deliveryKey()));
    }

    /**
     * Alerts a group, a user or both: one in-app alert, plus an email to every addressee who has an email
     * address (group members as the directory lists them). The same key alerts once; after
     * a failed email a retry stores nothing twice and emails only those not yet reached.
     *
     * @throws OutreachFailed if an email could not be sent; the in-app alert is stored all the same
     */
    public void alertStaff(StaffAlert alert) {
        store(alert);
        Map<String, Object> variables = new HashMap<>();
        variables.put("alert", alert);
        variables.put("appUrl", settings.publicUrl().toString());
        List<String> failures = new ArrayList<>();
        for (StaffMember member : addressees(alert)) {
            if (!member.hasEmail()) {
                continue;
            }
            try {
                once(
                        alert.alertKey() + ":" + member.userId(),
                        alert.caseId(),
                        Medium.EMAIL,
                        null,
                        member.email(),
                        STAFF_ALERT_TEMPLATE,
                        () -> sendEmail(
                                templates.email(STAFF_ALERT_TEMPLATE, variables),
                                member.email(),
                                member.name(),
                                alert.alertKey()));
            } catch (OutreachFailed e) {
                failures.add(member.userId() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new OutreachFailed(
                    "Alert " + alert.alertKey() + " was not emailed to " + String.join("; ", failures));
        }
    }

    /** The in-app alert alone, stored once under its key: for alerts the policy routes ({@link StaffAlerts}). */
    void storeInApp(StaffAlert alert) {
        store(alert);
    }

    /**
     * Emails the alert to one addressee, once under the key.
     *
     * @throws OutreachFailed if the mail server did not take it
     */
    void emailAlert(StaffAlert alert, String key, String address, String name) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("alert", alert);
        variables.put("appUrl", settings.publicUrl().toString());
        once(
                key,
                alert.caseId(),
                Medium.EMAIL,
                null,
                address,
                STAFF_ALERT_TEMPLATE,
                () -> sendEmail(templates.email(STAFF_ALERT_TEMPLATE, variables), address, name, key));
    }

    /** Whether a post to the chat would go anywhere (its webhook is set on the Integrations screen). */
    boolean chatConnected(Medium chat) {
        return chats.connected(chat);
    }

    /**
     * Posts the alert to a connected chat (Slack or Teams), once under the event's key and the chat's: a retried
     * job does not post twice. A chat nobody connected is skipped.
     *
     * @return false if the chat is not connected
     * @throws OutreachFailed if the chat did not take the post
     */
    boolean postAlert(Medium chat, AlertEvent event) {
        if (!chats.connected(chat)) {
            return false;
        }
        DeliveryKey key = event.key().and(chat.key());
        once(
                key.value(),
                key.caseId(),
                chat,
                null,
                StaffTools.label(chat),
                chat.key() + "-alert",
                () -> chats.post(chat, chats.of(event)));
        return true;
    }

    /**
     * Emails a digest (template {@code staff-digest}), once under the key: a retried round sends nothing twice.
     *
     * @param model the template's variables; {@code appUrl} is added
     */
    Delivery emailDigest(String key, String address, String name, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("appUrl", settings.publicUrl().toString());
        return once(
                key,
                null,
                Medium.EMAIL,
                null,
                address,
                STAFF_DIGEST_TEMPLATE,
                () -> sendEmail(templates.email(STAFF_DIGEST_TEMPLATE, variables), address, name, key));
    }

    /**
     * Sends an email another module composed (a survey), once under its key; same contract as {@link #email}.
     *
     * @param template the name the delivery log shows for it, e.g. {@code survey-invitation.de}
     */
    public Delivery emailComposed(
            DeliveryKey key, String template, String address, String recipientName, ComposedEmail email) {
        return once(
                key.value(),
                key.caseId(),
                Medium.EMAIL,
                null,
                address,
                template,
                () -> sendEmail(
                        new MessageTemplates.Email(template, email.subject(), email.html(), email.text()),
                        address,
                        recipientName,
                        key.value(),
                        email.unsubscribe()));
    }

    /** The text message of {@link #emailComposed}, once under its key. */
    public Delivery smsComposed(DeliveryKey key, String template, String phone, String text) {
        return once(
                key.value(), key.caseId(), Medium.SMS, null, phone, template, () -> sms.send(phone, text, key.value()));
    }

    /** The delivery logged under the key, if anything was sent or tried under it. */
    @Transactional(readOnly = true)
    public Optional<Delivery> delivery(DeliveryKey key) {
        return notifications.findByDeliveryKey(key.value()).map(Notification::view);
    }

    /** Every message of the case, oldest first, for its timeline. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveriesOf(UUID caseId) {
        return notifications.findByCaseIdOrderByCreatedAt(caseId).stream()
                .map(Notification::view)
                .toList();
    }

    /** Every staff alert about the case, oldest first, for its timeline. */
    @Transactional(readOnly = true)
    public List<StaffAlertView> alertsOf(UUID caseId) {
        return alerts.findByCaseIdOrderByCreatedAt(caseId).stream()
                .map(Alert::view)
                .toList();
    }

    /** What a step's email would say to this customer, for an agent to edit before sending. */
    public EmailDraft draft(CustomerMessage message) {
        var email = templates.email(
                templates.emailTemplate(message.step(), message.segment(), message.language()),
                variables(message, Channel.EMAIL));
        return new EmailDraft(email.subject(), email.text());
    }

    /**
     * Sends an email an agent wrote (usually from a {@link #draft}), once under its key, logged like every
     * other message.
     */
    public Delivery emailWritten(
            DeliveryKey key, MessageStep step, String address, String recipientName, String subject, String text) {
        if (subject == null || subject.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("An email needs a subject and a text");
        }
        String html =
                "<p>" + HtmlUtils.htmlEscape(text).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>";
        return once(
                key.value(),
                key.caseId(),
                Medium.EMAIL,
                step,
                address,
                WRITTEN_BY_AGENT,
                () -> sendEmail(
                        new MessageTemplates.Email(WRITTEN_BY_AGENT, subject, html, text),
                        address,
                        recipientName,
                        key.value()));
    }

    /** Alerts not yet read that are addressed to the actor or to one of its groups, newest first. */
    @Transactional(readOnly = true)
    public List<StaffAlertView> unreadAlertsFor(Actor actor) {
        // "in ()" is not valid SQL everywhere; a group name that cannot exist stands in for none
        Set<String> groups = actor.groups().isEmpty() ? Set.of("") : actor.groups();
        return alerts.unreadFor(actor.userId(), groups).stream()
                .map(Alert::view)
                .toList();
    }

    /**
     * Marks the alert read for all its addressees.
     *
     * @throws IllegalArgumentException if there is no such alert for this actor
     */
    @Transactional
    public void markRead(UUID alertId, Actor actor) {
        alerts.findById(alertId)
                .filter(alert -> alert.isFor(actor))
                .orElseThrow(() -> new IllegalArgumentException("No alert " + alertId + " for " + actor.userId()))
                .read(actor, clock.instant());
    }

    /**
     * A customer answered on the given channel: publishes {@link CustomerReplied}. Inside a transaction,
     * so that transactional listeners (Modulith's application module listeners) receive it.
     */
    @Transactional
    public CustomerReplied replyReceived(UUID caseId, Channel channel, Instant at) {
        CustomerReplied reply = new CustomerReplied(caseId, channel, at == null ? clock.instant() : at);
        events.publishEvent(reply);
        return reply;
    }

    @FunctionalInterface
    private interface Transmission {
        void run() throws Exception;
    }

    /** A transmission that needs to know which attempt it is (the first has nothing to look for). */
    @FunctionalInterface
    interface NumberedTransmission {
        void run(int attempt) throws Exception;
    }

    /** The send-once protocol for a tool of our own module (the help desk). */
    Delivery sendOnce(
            DeliveryKey key, Medium medium, String recipient, String template, NumberedTransmission transmission) {
        return numbered(key.value(), key.caseId(), medium, null, recipient, template, transmission);
    }

    /**
     * The send-once protocol: commit "attempt started" (PENDING), transmit, commit SENT or FAILED. A key
     * already SENT is not transmitted again, whatever happened to the caller's transaction since.
     */
    private Delivery once(
            String key,
            UUID caseId,
            Medium channel,
            MessageStep step,
            String recipient,
            String template,
            Transmission transmission) {
        return numbered(key, caseId, channel, step, recipient, template, attempt -> transmission.run());
    }

    private Delivery numbered(
            String key,
            UUID caseId,
            Medium channel,
            MessageStep step,
            String recipient,
            String template,
            NumberedTransmission transmission) {
        Delivery attempt =
                deliveryLog.startAttempt(key, caseId, channel, step, recipient, template, settings.attemptLease());
        if (attempt.status() == DeliveryStatus.SENT) {
            return attempt;
        }
        try {
            transmission.run(attempt.attempts());
        } catch (Exception e) {
            String error = describe(e);
            deliveryLog.failed(attempt, error);
            // counted at once: the failure is in the delivery log's own transaction, whatever the caller's does
            sends(channel, "failed").increment();
            log.warn("{} {} to {} failed (attempt {}): {}", channel.key(), key, recipient, attempt.attempts(), error);
            throw new OutreachFailed(
                    channel.key() + " " + key + " failed (attempt " + attempt.attempts() + "): " + error, e);
        }
        Delivery sent = deliveryLog.sent(attempt);
        sends(channel, "sent").increment();
        return sent;
    }

    private Counter sends(Medium channel, String outcome) {
        return Counter.builder("loopkeeper.outreach.sends")
                .description("Messages to customers and staff handed to their channel, or failed to be")
                .tag("channel", channel.key())
                .tag("outcome", outcome)
                .register(meters);
    }

    private void sendEmail(MessageTemplates.Email email, String address, String name, String reference)
            throws Exception {
        sendEmail(email, address, name, reference, null);
    }

    private void sendEmail(MessageTemplates.Email email, String address, String name, String reference, URI unsubscribe)
            throws Exception {
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(settings.fromAddress());
        helper.setTo(new InternetAddress(address, name, "UTF-8"));
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        mime.setHeader("X-Loopkeeper-Delivery", reference);
        if (unsubscribe != null) {
            // RFC 8058: a mail client's "unsubscribe" button POSTs "List-Unsubscribe=One-Click" to the link
            mime.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mail.send(mime);
    }

    private Map<String, Object> variables(CustomerMessage message, Channel channel) {
        Map<String, Object> variables = new HashMap<>(message.model());
        variables.put("name", message.recipientName());
        variables.put("caseId", message.caseId());
        variables.put("replyUrl", replyLinks.linkFor(message.caseId(), channel).toString());
        Object invited = message.model().get(CustomerMessage.INVITATIONS);
        variables.put(
                "reviewUrl",
                settings.reviewUrl() == null || !invites(invited, "review")
                        ? null
                        : settings.reviewUrl().toString());
        variables.put(
                "referralUrl",
                settings.referralUrl() == null || !invites(invited, "referral")
                        ? null
                        : settings.referralUrl().toString());
        return variables;
    }

    /** No list of invitations invites to everything, as messages did before the policy named them. */
    private static boolean invites(Object invitations, String invitation) {
        return !(invitations instanceof Collection<?> invited) || invited.contains(invitation);
    }

    private void store(StaffAlert alert) {
        try {
            ownTransaction.executeWithoutResult(tx -> {
                if (!alerts.existsByAlertKey(alert.alertKey())) {
                    alerts.saveAndFlush(new Alert(
                            alert.alertKey(),
                            alert.caseId(),
                            alert.group(),
                            alert.userId(),
                            alert.kind(),
                            alert.subject(),
                            alert.body(),
                            clock.instant()));
                    events.publishEvent(new StaffAlerted(alert.caseId(), alert.group(), alert.userId(), alert.kind()));
                }
            });
        } catch (DataIntegrityViolationException storedByAConcurrentRetry) {
            log.debug("Alert {} was stored concurrently", alert.alertKey());
        }
    }

    private List<StaffMember> addressees(StaffAlert alert) {
        Map<String, StaffMember> members = new LinkedHashMap<>();
        if (alert.group() != null && !alert.group().isBlank()) {
            directory.staffIn(alert.group()).forEach(member -> members.putIfAbsent(member.userId(), member));
        }
        if (alert.userId() != null && !alert.userId().isBlank()) {
            directory.staffMember(alert.userId()).ifPresent(member -> members.putIfAbsent(member.userId(), member));
        }
        return List.copyOf(members.values());
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage());
        }
        return text.toString();
    }
}
