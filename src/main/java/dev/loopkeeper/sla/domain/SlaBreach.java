package dev.loopkeeper.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A case that was not worked within its SLA, with who held it when the timer fired. */
@Entity
public class SlaBreach {

    @Id
    private UUID id;
    @Column(nullable = false)
    private UUID caseId;
    @Column(nullable = false)
    private String processInstanceId;
    private String activityId;
    @Column(nullable = false)
    private Instant dueAt;
    @Column(nullable = false)
    private Instant breachedAt;
    private String candidateGroup;
    private String assigneeAtBreach;
    private String acknowledgedBy;
    private Instant acknowledgedAt;

    protected SlaBreach() {
    }

    public SlaBreach(UUID caseId, String processInstanceId, String activityId, Instant dueAt, Instant breachedAt,
                     String candidateGroup, String assigneeAtBreach) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.processInstanceId = processInstanceId;
        this.activityId = activityId;
        this.dueAt = dueAt;
        this.breachedAt = breachedAt;
        this.candidateGroup = candidateGroup;
        this.assigneeAtBreach = assigneeAtBreach;
    }

    public void acknowledge(String by, Instant at) {
        acknowledgedBy = by;
        acknowledgedAt = at;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public String getActivityId() {
        return activityId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getBreachedAt() {
        return breachedAt;
    }

    public String getCandidateGroup() {
        return candidateGroup;
    }

    public String getAssigneeAtBreach() {
        return assigneeAtBreach;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }
}
