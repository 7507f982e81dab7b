package dev.loopkeeper.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * An open user task, kept in step with the engine by a task listener in the same transaction. The
 * tasklist reads this table (indexed by group, assignee and due time) instead of the engine's task
 * query, which cannot sort 100k tasks by due date on an index.
 */
@Entity
public class OpenTask implements Persistable<String> {

    @Id
    private String id;

    @Column(nullable = false)
    private String processInstanceId;

    @Column(nullable = false)
    private String processKey;

    private String businessKey;
    /** Set for tasks of the closed loop: the case the task belongs to. */
    private UUID caseId;

    @Column(nullable = false)
    private String taskKey;

    private String name;
    private String candidateGroup;
    private String assignee;
    /** Set while a colleague works the task on the owner's behalf (Camunda delegation). */
    @Column(name = "owner_id")
    private String owner;

    private Instant dueAt;

    @Column(nullable = false)
    private Instant createdAt;

    /** Its id is the engine's task id, so Spring Data cannot tell a new row by it (it would select first). */
    @Transient
    private boolean stored;

    protected OpenTask() {}

    public OpenTask(
            String id,
            String processInstanceId,
            String processKey,
            String businessKey,
            UUID caseId,
            String taskKey,
            Instant createdAt) {
        this.id = id;
        this.processInstanceId = processInstanceId;
        this.processKey = processKey;
        this.businessKey = businessKey;
        this.caseId = caseId;
        this.taskKey = taskKey;
        this.createdAt = createdAt;
    }

    /** Takes the properties a user or the process can change after creation. */
    public void refresh(String name, String candidateGroup, String assignee, String owner, Instant dueAt) {
        this.name = name;
        this.candidateGroup = candidateGroup;
        this.assignee = assignee;
        this.owner = owner;
        this.dueAt = dueAt;
    }

    /** A colleague works it for its owner and hands it back when done. */
    public boolean isDelegated() {
        return owner != null && !owner.equals(assignee);
    }

    public String getOwner() {
        return owner;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public String getProcessKey() {
        return processKey;
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

    @Override
    public String getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getName() {
        return name;
    }

    public String getCandidateGroup() {
        return candidateGroup;
    }

    public String getAssignee() {
        return assignee;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
