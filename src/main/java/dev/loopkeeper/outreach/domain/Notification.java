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
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One outbound message, identified by its delivery key, with every attempt to send it counted. Read here; written by
 * {@link DeliveryLog} in plain SQL.
 */
@Entity
@Immutable
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

    @Version
    private Integer version;

    protected Notification() {}

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
