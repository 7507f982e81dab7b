package dev.loopkeeper.survey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer who unsubscribed from surveys, and whether they came back. */
@Entity
@Table(name = "survey_opt_out")
public class OptOut {

    @Id
    private String customerExternalId;

    @Column(nullable = false)
    private Instant unsubscribedAt;

    private Instant resubscribedAt;
    private UUID invitationId;

    protected OptOut() {}

    public OptOut(String customerExternalId, UUID invitationId, Instant at) {
        this.customerExternalId = customerExternalId;
        unsubscribed(invitationId, at);
    }

    public void unsubscribed(UUID invitationId, Instant at) {
        this.invitationId = invitationId;
        this.unsubscribedAt = at;
        this.resubscribedAt = null;
    }

    public void resubscribed(Instant at) {
        this.resubscribedAt = at;
    }

    public boolean isActive() {
        return resubscribedAt == null;
    }

    public Instant getUnsubscribedAt() {
        return unsubscribedAt;
    }
}
