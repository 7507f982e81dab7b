package dev.loopkeeper.survey.domain;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.survey.InvitationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One survey to one customer, from scheduling to the answer. It keeps the customer as they were when asked, so the
 * answer enters intake with the details the invitation went to.
 */
@Entity
public class SurveyInvitation {

    static final int MAX_REASON = 300;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String customerExternalId;

    private String customerName;
    private String email;
    private String phone;

    @Enumerated(EnumType.STRING)
    private Channel preferredChannel;

    private String tier;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private String touchpoint;

    private UUID followsCaseId;
    /** The score of the case a re-survey follows: the "before" of a recovery. */
    private Integer followsScore;

    private UUID runId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvitationStatus status;

    private String reason;

    @Column(nullable = false)
    private Instant sendAfter;

    private int attempts;
    private Instant sentAt;
    private Instant expiresAt;
    private Instant reminderDueAt;
    private Instant remindedAt;
    private Instant answeredAt;
    private Integer score;
    private UUID caseId;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected SurveyInvitation() {}

    public SurveyInvitation(Recipient recipient, String touchpoint, UUID runId, Instant sendAfter, Instant now) {
        this.id = UUID.randomUUID();
        this.customerExternalId = recipient.externalId();
        this.customerName = recipient.name();
        this.email = recipient.email();
        this.phone = recipient.phone();
        this.preferredChannel = recipient.preferredChannel();
        this.tier = recipient.tier();
        this.language = recipient.language();
        this.touchpoint = touchpoint;
        this.runId = runId;
        this.status = InvitationStatus.SCHEDULED;
        this.sendAfter = sendAfter;
        this.createdAt = now;
    }

    /** A re-survey: it measures how the customer of that case, who gave that score, feels now. */
    public static SurveyInvitation following(
            UUID caseId, int score, Recipient recipient, String touchpoint, Instant sendAfter, Instant now) {
        SurveyInvitation invitation = new SurveyInvitation(recipient, touchpoint, null, sendAfter, now);
        invitation.followsCaseId = caseId;
        invitation.followsScore = score;
        return invitation;
    }

    /** Who is asked, as the invitation keeps them. */
    public record Recipient(
            String externalId,
            String name,
            String email,
            String phone,
            Channel preferredChannel,
            String tier,
            String language) {}

    public Recipient recipient() {
        return new Recipient(customerExternalId, customerName, email, phone, preferredChannel, tier, language);
    }

    public void sent(Instant at, Duration linkValidity, Duration reminderAfter) {
        status = InvitationStatus.SENT;
        sentAt = at;
        expiresAt = at.plus(linkValidity);
        reminderDueAt = reminderAfter == null ? null : at.plus(reminderAfter);
        reason = null;
    }

    /** A failed send: tried again later, until there have been {@code maxAttempts}. */
    public void sendFailed(String error, Instant retryAt, int maxAttempts) {
        attempts++;
        reason = shorten(error);
        if (attempts >= maxAttempts) {
            status = InvitationStatus.FAILED;
        } else {
            sendAfter = retryAt;
        }
    }

    public void skipped(String why) {
        status = InvitationStatus.SKIPPED;
        reason = shorten(why);
    }

    public void reminded(Instant at) {
        remindedAt = at;
    }

    public void answered(int score, UUID caseId, Instant at) {
        this.status = InvitationStatus.ANSWERED;
        this.score = score;
        this.caseId = caseId;
        this.answeredAt = at;
    }

    public boolean isAnswered() {
        return status == InvitationStatus.ANSWERED;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }

    public UUID getId() {
        return id;
    }

    public String getCustomerExternalId() {
        return customerExternalId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getLanguage() {
        return language;
    }

    public String getTouchpoint() {
        return touchpoint;
    }

    public UUID getFollowsCaseId() {
        return followsCaseId;
    }

    public Integer getFollowsScore() {
        return followsScore;
    }

    public UUID getRunId() {
        return runId;
    }

    public InvitationStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getSendAfter() {
        return sendAfter;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getReminderDueAt() {
        return reminderDueAt;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Integer getScore() {
        return score;
    }

    public UUID getCaseId() {
        return caseId;
    }
}
