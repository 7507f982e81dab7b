package dev.loopkeeper.outreach.domain;

import dev.loopkeeper.outreach.StaffAlertView;
import dev.loopkeeper.sharedkernel.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * An in-app alert for a group, a user or both. One read mark for all its addressees: when one member of a
 * group has seen it, the group's alert counts as seen, like a message in a shared inbox.
 */
@Entity
@Table(name = "staff_alert")
public class Alert implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String alertKey;

    private UUID caseId;
    private String targetGroup;
    private String targetUser;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String subject;

    private String body;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant readAt;
    private String readBy;

    /** Its id is ours, so Spring Data cannot tell a new alert by it: without this, saving one reads it first. */
    @Transient
    private boolean stored;

    protected Alert() {}

    public Alert(
            String alertKey,
            UUID caseId,
            String targetGroup,
            String targetUser,
            String kind,
            String subject,
            String body,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.alertKey = alertKey;
        this.caseId = caseId;
        this.targetGroup = targetGroup;
        this.targetUser = targetUser;
        this.kind = kind;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
    }

    public boolean isFor(Actor actor) {
        return actor.userId().equals(targetUser) || (targetGroup != null && actor.isIn(targetGroup));
    }

    /** The first reader stays on record. */
    public void read(Actor actor, Instant at) {
        if (readAt == null) {
            readAt = at;
            readBy = actor.userId();
        }
    }

    public StaffAlertView view() {
        return new StaffAlertView(id, caseId, targetGroup, targetUser, kind, subject, body, createdAt);
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
