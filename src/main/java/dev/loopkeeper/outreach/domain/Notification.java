package dev.loopkeeper.outreach.domain;

import dev.loopkeeper.outreach.Delivery;
import dev.loopkeeper.outreach.DeliveryStatus;
import dev.loopkeeper.outreach.Medium;
import dev.loopkeeper.outreach.MessageStep;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One outbound message, identified by its delivery key, with every attempt to send it counted. */
@Entity
public class Notification {

    static final int MAX_ERROR_LENGTH = 1000;

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String deliveryKey;

    private UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Medium channel;

    @Enumerated(EnumType.STRING)
    private MessageStep step;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String template;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    private int attempts;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant lastAttemptAt;
    private Instant sentAt;
    private String lastError;

    /** Null until stored: Spring Data then persists a new one instead of merging it (a select first). */
    @Version
    private Integer version;

    protected Notification() {}

    public Notification(
            String deliveryKey,
            UUID caseId,
            Medium channel,
            MessageStep step,
            String recipient,
            String template,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.deliveryKey = deliveryKey;
        this.caseId = caseId;
        this.channel = channel;
        this.step = step;
        this.recipient = recipient;
        this.template = template;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = createdAt;
    }

    /** An attempt that started less than {@code lease} ago may still be talking to the mail server. */
    public boolean isInFlight(Instant now, Duration lease) {
        return status == DeliveryStatus.PENDING
                && lastAttemptAt != null
                && lastAttemptAt.plus(lease).isAfter(now);
    }

    public boolean isSent() {
        return status == DeliveryStatus.SENT;
    }

    /** Recipient and template follow the latest attempt: a retry may go to a corrected address. */
    void startAttempt(String recipient, String template, Instant at) {
        this.recipient = recipient;
        this.template = template;
        this.status = DeliveryStatus.PENDING;
        this.attempts++;
        this.lastAttemptAt = at;
    }

    void sent(Instant at) {
        status = DeliveryStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    void failed(String error) {
        status = DeliveryStatus.FAILED;
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH
                ? error
                : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    public UUID getId() {
        return id;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Delivery view() {
        return new Delivery(
                id,
                deliveryKey,
                caseId,
                channel,
                step,
                recipient,
                template,
                status,
                attempts,
                lastAttemptAt,
                lastError);
    }
}
