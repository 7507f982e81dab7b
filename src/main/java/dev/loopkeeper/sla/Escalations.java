package dev.loopkeeper.sla;

import dev.loopkeeper.casework.BulkOutcome;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.TaskFilter;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.casework.TaskView;
import dev.loopkeeper.casework.Tasklist;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.sharedkernel.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supervisors' queue of breached cases waiting for a decision, oldest breach first, and the
 * decisions: reassign, extend with a reason, take over — each completes the case's "Review escalation".
 */
@Service
public class Escalations {

    /** One breached case waiting for a supervisor, with the context to decide on. */
    public record Escalation(
            String reviewTaskId,
            UUID caseId,
            String customerName,
            Integer score,
            String segment,
            String comment,
            Instant breachedAt,
            Instant dueAt,
            String group,
            String assigneeAtBreach,
            String reviewer) {}

    /** What a supervisor decides. */
    public enum Decision {
        REASSIGN,
        EXTEND,
        TAKE_OVER,
        ACKNOWLEDGE
    }

    private final Tasklist tasklist;
    private final Taskwork taskwork;
    private final BreachLog breaches;
    private final TransactionTemplate transaction;

    Escalations(Tasklist tasklist, Taskwork taskwork, BreachLog breaches, PlatformTransactionManager transactions) {
        this.tasklist = tasklist;
        this.taskwork = taskwork;
        this.breaches = breaches;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Open reviews, oldest breach first (at most 500: a queue longer than that is a different problem). */
    public List<Escalation> queue(Actor supervisor) {
        TaskFilter reviews =
                new TaskFilter(TaskView.ALL_OPEN, Set.of(), ClosedLoop.REVIEW_ESCALATION, null, null, null, null, null);
        List<TaskRow> open = tasklist.page(supervisor, reviews, PageRequest.of(0, 500, Sort.by("createdAt")));
        Map<UUID, BreachRecord> latest =
                breaches.latestOf(open.stream().map(TaskRow::caseId).toList());
        List<Escalation> queue = new ArrayList<>();
        for (TaskRow task : open) {
            BreachRecord breach = latest.get(task.caseId());
            queue.add(new Escalation(
                    task.taskId(),
                    task.caseId(),
                    task.customerName(),
                    task.score(),
                    task.segment() == null ? null : task.segment().key(),
                    task.comment(),
                    breach == null ? task.createdAt() : breach.breachedAt(),
                    breach == null ? null : breach.dueAt(),
                    breach == null ? null : breach.candidateGroup(),
                    breach == null ? null : breach.assigneeAtBreach(),
                    task.assignee()));
        }
        queue.sort(Comparator.comparing(Escalation::breachedAt));
        return queue;
    }

    /**
     * Decides one escalation: claims its review if nobody has, then completes it with the decision. The
     * process applies it (reassign, extend, take over) in the same transaction, so a refused decision
     * (an unknown user, a due time in the past) leaves everything as it was.
     *
     * @param target      the user or group to reassign to (REASSIGN only)
     * @param extendedDue the new due time (EXTEND only)
     */
    public void decide(
            String reviewTaskId,
            Decision decision,
            String target,
            Instant extendedDue,
            String reason,
            Actor supervisor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidTaskInput(Vars.ESCALATION_REASON, "is required: say why");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Vars.ESCALATION_DECISION, decision.name().toLowerCase().replace('_', '-'));
        values.put(Vars.ESCALATION_REASON, reason.strip());
        values.put(Vars.REASSIGN_TO, decision == Decision.REASSIGN ? target : null);
        values.put(
                Vars.EXTENDED_DUE_AT,
                decision == Decision.EXTEND && extendedDue != null ? extendedDue.toString() : null);
        // claim and decision together: a refused decision does not leave the review claimed
        transaction.executeWithoutResult(status -> {
            taskwork.claim(reviewTaskId, supervisor);
            taskwork.completeTask(reviewTaskId, values, supervisor);
        });
    }

    /** Reassigns several escalated cases to one person or group; the ones that cannot go say why. */
    public BulkOutcome reassignAll(List<String> reviewTaskIds, String target, String reason, Actor supervisor) {
        return BulkOutcome.each(
                reviewTaskIds, taskId -> decide(taskId, Decision.REASSIGN, target, null, reason, supervisor));
    }
}
