package dev.loopkeeper.casework.domain;

import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.sharedkernel.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One try to reach the customer, as the agent logged it. */
@Entity
public class ContactAttempt {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID caseId;

    private int attemptNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactOutcome outcome;

    private String notes;

    @Column(nullable = false)
    private String agent;

    @Column(nullable = false)
    private Instant attemptedAt;
    /** A remedy given at this attempt (credit, refund, gift-card) and its amount; none for most. */
    private String remedyType;

    private BigDecimal remedyAmount;

    protected ContactAttempt() {}

    public ContactAttempt(
            UUID caseId,
            int attemptNo,
            Channel channel,
            ContactOutcome outcome,
            String notes,
            String agent,
            Instant attemptedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.attemptNo = attemptNo;
        this.channel = channel;
        this.outcome = outcome;
        this.notes = notes;
        this.agent = agent;
        this.attemptedAt = attemptedAt;
    }

    /** The agent gave the customer something to make up for it. */
    public ContactAttempt withRemedy(String type, BigDecimal amount) {
        this.remedyType = type;
        this.remedyAmount = amount;
        return this;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public int getAttemptNo() {
        return attemptNo;
    }

    public Channel getChannel() {
        return channel;
    }

    public ContactOutcome getOutcome() {
        return outcome;
    }

    public String getNotes() {
        return notes;
    }

    public String getAgent() {
        return agent;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public String getRemedyType() {
        return remedyType;
    }

    public BigDecimal getRemedyAmount() {
        return remedyAmount;
    }
}
