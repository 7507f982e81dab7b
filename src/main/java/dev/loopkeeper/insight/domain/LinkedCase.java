package dev.loopkeeper.insight.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A case whose customer is waiting on an improvement action. */
@Entity
@IdClass(LinkedCase.Key.class)
public class LinkedCase {

    public record Key(UUID actionId, UUID caseId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    private UUID actionId;

    @Id
    private UUID caseId;

    @Column(nullable = false)
    private Instant linkedAt;

    protected LinkedCase() {}

    public LinkedCase(UUID actionId, UUID caseId, Instant linkedAt) {
        this.actionId = actionId;
        this.caseId = caseId;
        this.linkedAt = linkedAt;
    }

    public UUID getCaseId() {
        return caseId;
    }
}
