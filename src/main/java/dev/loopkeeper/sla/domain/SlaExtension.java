package dev.loopkeeper.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A supervisor moved a case's due time, and said why. */
@Entity
public class SlaExtension {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID caseId;

    @Column(nullable = false)
    private Instant previousDue;

    @Column(nullable = false)
    private Instant newDue;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private String extendedBy;

    @Column(nullable = false)
    private Instant extendedAt;

    protected SlaExtension() {}

    public SlaExtension(
            UUID caseId, Instant previousDue, Instant newDue, String reason, String extendedBy, Instant extendedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.previousDue = previousDue;
        this.newDue = newDue;
        this.reason = reason;
        this.extendedBy = extendedBy;
        this.extendedAt = extendedAt;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public Instant getPreviousDue() {
        return previousDue;
    }

    public Instant getNewDue() {
        return newDue;
    }

    public String getReason() {
        return reason;
    }

    public String getExtendedBy() {
        return extendedBy;
    }

    public Instant getExtendedAt() {
        return extendedAt;
    }
}
