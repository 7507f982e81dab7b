package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.casework.domain.ContactAttempt;
import dev.loopkeeper.casework.domain.ContactAttempts;
import dev.loopkeeper.casework.domain.FollowUpCase;
import dev.loopkeeper.casework.domain.OpenTask;
import dev.loopkeeper.casework.domain.OpenTasks;
import dev.loopkeeper.sharedkernel.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Working a case: reading it, claiming its tasks and logging what was done. */
@Service
@Transactional
public class Casework {

    /** Groups that may work any group's tasks. */
    private static final String SUPERVISORS = "supervisors";
    private static final String ADMINS = "admins";

    private final Cases cases;
    private final OpenTasks openTasks;
    private final ContactAttempts attempts;
    private final TaskService tasks;
    private final Clock clock;

    Casework(Cases cases, OpenTasks openTasks, ContactAttempts attempts, TaskService tasks, Clock clock) {
        this.cases = cases;
        this.openTasks = openTasks;
        this.attempts = attempts;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<CaseSummary> find(UUID caseId) {
        return cases.findById(caseId).map(c -> new CaseSummary(c.getId(), c.getStatus(), c.getSegment(),
                c.getScore(), c.getCustomerExternalId(), c.getCustomerName(), c.getOpenedAt(), c.getFirstContactAt(),
                c.getClosedAt(), c.getOutcome(),
                openTasks.findByCaseId(caseId).stream()
                        .sorted(Comparator.comparing(OpenTask::getCreatedAt))
                        .map(t -> new CaseSummary.OpenTaskView(t.getId(), t.getTaskKey(), t.getName(),
                                t.getCandidateGroup(), t.getAssignee(), t.getDueAt()))
                        .toList()));
    }

    /** Takes an unclaimed task of one of the actor's groups. Fails, with a reason, if someone was quicker. */
    public void claim(String taskId, Actor actor) {
        OpenTask task = openTask(taskId);
        if (actor.userId().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw new TaskNotAvailable("Already claimed by " + task.getAssignee());
        }
        if (!mayWork(task, actor)) {
            throw new TaskNotAvailable("This task belongs to " + task.getCandidateGroup() + ", which you are not in");
        }
        try {
            tasks.claim(taskId, actor.userId());
        } catch (TaskAlreadyClaimedException raced) {
            throw new TaskNotAvailable("Already claimed by " + raced.getTaskAssignee());
        }
    }

    /** Gives a claimed task back to its group. */
    public void unclaim(String taskId, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!actor.userId().equals(task.getAssignee()) && !isLead(actor)) {
            throw new TaskNotAvailable("Only " + task.getAssignee() + " or a supervisor can release this task");
        }
        tasks.setAssignee(taskId, null);
    }

    /** Logs a contact attempt on the "Contact customer" task and completes it; the process decides what follows. */
    public void completeContact(String taskId, ContactReport report, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!ClosedLoop.CONTACT_CUSTOMER.equals(task.getTaskKey())) {
            throw new TaskNotAvailable("This task is not a contact task");
        }
        if (!actor.userId().equals(task.getAssignee())) {
            throw new TaskNotAvailable(task.getAssignee() == null
                    ? "Claim the task before you complete it"
                    : "This task is claimed by " + task.getAssignee());
        }
        Instant now = clock.instant();
        FollowUpCase followUp = cases.findById(task.getCaseId()).orElseThrow();
        int attemptNo = attempts.countByCaseId(followUp.getId()) + 1;
        attempts.save(new ContactAttempt(followUp.getId(), attemptNo, report.channel(), report.outcome(),
                report.notes(), actor.userId(), now));
        followUp.contacted(report.outcome(), now);
        tasks.complete(taskId, Variables.createVariables().putValue(Vars.CONTACT_OUTCOME, report.outcome().key()));
    }

    /** A supervisor has looked at a breached case and says what was decided. */
    public void completeReview(String taskId, String note, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!ClosedLoop.REVIEW_ESCALATION.equals(task.getTaskKey())) {
            throw new TaskNotAvailable("This task is not an escalation review");
        }
        if (!actor.userId().equals(task.getAssignee())) {
            throw new TaskNotAvailable("Claim the task before you complete it");
        }
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("Say what you decided");
        }
        tasks.complete(taskId, Variables.createVariables().putValue(Vars.REVIEW_NOTE, note.strip()));
    }

    /** The process reached its end: the loop is closed. */
    public void close(UUID caseId) {
        cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId))
                .close(clock.instant());
    }

    private OpenTask openTask(String taskId) {
        return openTasks.findById(taskId)
                .orElseThrow(() -> new TaskNotAvailable("This task is already done or no longer exists"));
    }

    private static boolean mayWork(OpenTask task, Actor actor) {
        return isLead(actor) || (task.getCandidateGroup() != null && actor.isIn(task.getCandidateGroup()));
    }

    private static boolean isLead(Actor actor) {
        return actor.isIn(SUPERVISORS) || actor.isIn(ADMINS);
    }
}
