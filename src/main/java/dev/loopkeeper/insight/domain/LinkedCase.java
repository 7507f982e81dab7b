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

    /** {@link #RESOLUTION}, {@link #CREATED} or {@link #THEME}. */
    @Column(nullable = false)
    private String linkedBy;

    /** An agent's systemic resolution named the action. */
    public static final String RESOLUTION = "resolution";
    /** Chosen when the action was created, from its theme's cases or by hand. */
    public static final String CREATED = "created";
    /** A new response spoke of the action's theme while the action was open. */
    public static final String THEME = "theme";

    protected LinkedCase() {}

    public LinkedCase(UUID actionId, UUID caseId, Instant linkedAt, String linkedBy) {
        this.actionId = actionId;
        this.caseId = caseId;
        this.linkedAt = linkedAt;
        this.linkedBy = linkedBy;
    }

    public String getLinkedBy() {
        return linkedBy;
    }

    public UUID getCaseId() {
        return caseId;
    }
}
