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
    private String segment;
    private String customerName;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    /** What the reviewing supervisor decided: reassign, extend, take-over or acknowledge. */
    private String decision;

    private String decisionReason;

    protected SlaBreach() {}

    public SlaBreach(
            UUID caseId,
            String processInstanceId,
            String activityId,
            Instant dueAt,
            Instant breachedAt,
            String candidateGroup,
            String assigneeAtBreach,
            String segment,
            String customerName) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.processInstanceId = processInstanceId;
        this.activityId = activityId;
        this.dueAt = dueAt;
        this.breachedAt = breachedAt;
        this.candidateGroup = candidateGroup;
        this.assigneeAtBreach = assigneeAtBreach;
        this.segment = segment;
        this.customerName = customerName;
    }

    public String getSegment() {
        return segment;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void acknowledge(String by, String decision, String reason, Instant at) {
        acknowledgedBy = by;
        acknowledgedAt = at;
        this.decision = decision;
        this.decisionReason = reason;
    }

    public String getDecision() {
        return decision;
    }

    public String getDecisionReason() {
        return decisionReason;
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
