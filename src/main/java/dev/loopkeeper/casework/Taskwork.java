package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.casework.domain.OpenTask;
import dev.loopkeeper.casework.domain.OpenTasks;
import dev.loopkeeper.casework.form.FormSchema;
import dev.loopkeeper.casework.form.TaskForms;
import dev.loopkeeper.identity.Availability;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.insight.ImprovementProcess;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Words;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sharedkernel.audit.Audited;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Working any user task, of a case or not: claiming and releasing it, passing it to a colleague of its group
 * (for good, or delegated to come back), in bulk, and completing it with its form.
 */
@Service
@Transactional
public class Taskwork {

    private final OpenTasks openTasks;
    private final TaskService tasks;
    private final Directory directory;
    private final Availability availability;
    private final TaskForms forms;
    private final Improvements improvements;
    private final CaseAccess access;
    private final Cases cases;
    private final TransactionTemplate perTask;
    private final ApplicationEventPublisher events;

    Taskwork(
            OpenTasks openTasks,
            TaskService tasks,
            Directory directory,
            Availability availability,
            TaskForms forms,
            Improvements improvements,
            CaseAccess access,
            Cases cases,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.openTasks = openTasks;
        this.tasks = tasks;
        this.directory = directory;
        this.availability = availability;
        this.forms = forms;
        this.improvements = improvements;
        this.access = access;
        this.cases = cases;
        this.perTask = new TransactionTemplate(transactions);
        this.events = events;
    }

    /** Takes an unclaimed task of one of the actor's groups. Fails, with a reason, if someone was quicker. */
    public void claim(String taskId, Actor actor) {
        OpenTask task = openTask(taskId);
        if (actor.userId().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw new TaskNotAvailable(
                    "Already claimed by " + task.getAssignee(),
                    Words.of("casework.refused.claimed-by", task.getAssignee()));
        }
        if (!actor.mayWork(task.getCandidateGroup())) {
            throw new TaskNotAvailable(
                    "This task belongs to " + task.getCandidateGroup() + ", which you are not in",
                    Words.of("casework.refused.not-your-group", task.getCandidateGroup()));
        }
        try {
            tasks.claim(taskId, actor.userId());
        } catch (TaskAlreadyClaimedException raced) {
            throw new TaskNotAvailable(
                    "Already claimed by " + raced.getTaskAssignee(),
                    Words.of("casework.refused.claimed-by", raced.getTaskAssignee()));
        }
        audit(actor, AuditAction.CLAIM, task, null);
    }

    /** Gives a claimed task back to its group. */
    public void unclaim(String taskId, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!actor.userId().equals(task.getAssignee()) && !actor.oversees()) {
            throw new TaskNotAvailable(
                    "Only " + task.getAssignee() + " or a supervisor can release this task",
                    Words.of("casework.refused.release", task.getAssignee()));
        }
        tasks.setAssignee(taskId, null);
        audit(actor, AuditAction.RELEASE, task, "held by " + task.getAssignee());
    }

    /** The colleagues a task can go to: the other members of its group who are not away. */
    @Transactional(readOnly = true)
    public List<String> colleaguesFor(String taskId, Actor actor) {
        OpenTask task = openTask(taskId);
        if (task.getCandidateGroup() == null) {
            return List.of();
        }
        return directory.availableMembersOf(task.getCandidateGroup()).stream()
                .filter(id -> !id.equals(actor.userId()))
                .toList();
    }

    /**
     * Hands a task to a colleague of its group: the holder gives it away, or a lead moves it. The colleague
     * owns it from then on.
     */
    public void reassign(String taskId, String colleague, Actor actor) {
        OpenTask task = openTask(taskId);
        boolean free = task.getAssignee() == null && actor.mayWork(task.getCandidateGroup());
        if (!actor.userId().equals(task.getAssignee()) && !free && !actor.oversees()) {
            throw new TaskNotAvailable(
                    "Only " + task.getAssignee() + " or a supervisor can reassign this task",
                    Words.of("casework.refused.reassign", task.getAssignee()));
        }
        requireColleague(task, colleague);
        tasks.setAssignee(taskId, colleague);
        audit(actor, AuditAction.REASSIGN, task, "to " + colleague);
    }

    /**
     * Asks a colleague of the group to do the task for you: it comes back to you when they hand it back,
     * and you complete it (Camunda delegation).
     */
    public void delegate(String taskId, String colleague, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!actor.userId().equals(task.getAssignee())) {
            throw new TaskNotAvailable(
                    "Claim the task before you delegate it", Words.of("casework.refused.delegate-unclaimed"));
        }
        if (task.isDelegated()) {
            throw new TaskNotAvailable(
                    "This task is delegated already; hand it back first",
                    Words.of("casework.refused.delegated-already"));
        }
        requireColleague(task, colleague);
        tasks.delegateTask(taskId, colleague);
        audit(actor, AuditAction.DELEGATE, task, "to " + colleague);
    }

    /** The colleague is done: the task goes back to whoever delegated it. */
    public void handBack(String taskId, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!task.isDelegated() || !actor.userId().equals(task.getAssignee())) {
            throw new TaskNotAvailable(
                    "Only a task delegated to you can be handed back", Words.of("casework.refused.hand-back"));
        }
        tasks.resolveTask(taskId);
        audit(actor, AuditAction.HAND_BACK, task, "to " + task.getOwner());
    }

    /** Claims each task that is still free; the others are reported, not failed. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BulkOutcome claimAll(List<String> taskIds, Actor actor) {
        return each(taskIds, id -> claim(id, actor));
    }

    /** Reassigns each task to the colleague; the ones that cannot go are reported, not failed. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BulkOutcome reassignAll(List<String> taskIds, String colleague, Actor actor) {
        return each(taskIds, id -> reassign(id, colleague, actor));
    }

    /**
     * Completes a claimed task with the values of its form. The engine checks them against the form's
     * rules; a broken rule comes back as {@link InvalidTaskInput} naming the fields, and the task stays open.
     */
    public void completeTask(String taskId, Map<String, Object> values, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!actor.userId().equals(task.getAssignee())) {
            throw task.getAssignee() == null
                    ? new TaskNotAvailable(
                            "Claim the task before you complete it", Words.of("casework.refused.complete-unclaimed"))
                    : new TaskNotAvailable(
                            "This task is claimed by " + task.getAssignee(),
                            Words.of("casework.refused.claimed-by-other", task.getAssignee()));
        }
        if (task.isDelegated()) {
            throw new TaskNotAvailable(
                    task.getOwner() + " delegated this task to you: hand it back when you are done",
                    Words.of("casework.refused.delegated-to-you", task.getOwner()));
        }
        // No engine authentication: this screen has decided who may complete (the assignee, checked above), and
        // the listeners read the actor from the task's assignee
        try {
            // first, so that what the completion sets off (an SLA extension, a reassignment) follows it in the trail
            audit(actor, AuditAction.COMPLETE, task, null);
            tasks.complete(taskId, new HashMap<>(values));
        } catch (RuntimeException e) {
            if (NestedExceptionUtils.getMostSpecificCause(e) instanceof InvalidTaskInput invalid) {
                throw invalid;
            }
            throw e;
        }
    }

    /** The form of an open task, as its deployment defines it, with its starting values and choices. */
    @Transactional(readOnly = true)
    public Optional<TaskForm> form(String taskId) {
        openTask(taskId);
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        return forms.of(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey())
                .map(schema -> {
                    List<String> keys =
                            schema.fields().stream().map(FormSchema.Field::key).toList();
                    return new TaskForm(schema, new HashMap<>(tasks.getVariables(taskId, keys)), options(schema));
                });
    }

    /** The data behind the choices a form takes from data: today the improvement actions a case can wait on. */
    private Map<String, List<FormSchema.Option>> options(FormSchema schema) {
        boolean offersActions =
                schema.fields().stream().anyMatch(field -> Vars.OPEN_IMPROVEMENT_ACTIONS.equals(field.optionsKey()));
        if (!offersActions) {
            return Map.of();
        }
        return Map.of(
                Vars.OPEN_IMPROVEMENT_ACTIONS,
                improvements.open().stream()
                        .map(action -> new FormSchema.Option(action.id().toString(), action.title()))
                        .toList());
    }

    /**
     * Runs the action per task in a transaction of its own, so that one task someone else just took does
     * not undo the others.
     */
    private BulkOutcome each(List<String> taskIds, Consumer<String> action) {
        return BulkOutcome.each(taskIds, taskId -> perTask.executeWithoutResult(status -> action.accept(taskId)));
    }

    private void requireColleague(OpenTask task, String colleague) {
        if (availability.isAway(colleague)) {
            throw new TaskNotAvailable(
                    colleague + " is away and gets no new work", Words.of("casework.refused.away", colleague));
        }
        boolean inGroup = task.getCandidateGroup() != null && directory.isMember(colleague, task.getCandidateGroup());
        if (!inGroup) {
            throw new TaskNotAvailable(
                    colleague + " is not in " + task.getCandidateGroup() + ", the task's group",
                    Words.of("casework.refused.not-in-group", colleague, task.getCandidateGroup()));
        }
    }

    /**
     * The improvement action a task of an action's process works on, with the cases linked to it (those the actor
     * may see): what the Implement and Verify tasks are about.
     */
    @Transactional(readOnly = true)
    public Optional<ActionAtHand> actionOf(String taskId, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!ImprovementProcess.PROCESS_ID.equals(task.getProcessKey()) || task.getBusinessKey() == null) {
            return Optional.empty();
        }
        UUID actionId;
        try {
            actionId = UUID.fromString(task.getBusinessKey());
        } catch (IllegalArgumentException notAnAction) {
            return Optional.empty();
        }
        return improvements.find(actionId).map(action -> {
            List<UUID> linked = improvements.linkedCases(actionId);
            Set<UUID> visible = access.visibleAmong(linked, actor);
            return new ActionAtHand(
                    action,
                    cases.findAllById(linked.stream().filter(visible::contains).toList()).stream()
                            .map(c -> new ActionAtHand.LinkedCase(
                                    c.getId(), c.getCustomerName(), c.getScore(), c.getSegment(), c.getStatus()))
                            .toList(),
                    linked.size());
        });
    }

    /** The task's step and its case say what it was about; no customer data goes in the trail. */
    private void audit(Actor actor, AuditAction action, OpenTask task, String detail) {
        events.publishEvent(Audited.of(actor.userId(), action, task.getId())
                .onCase(task.getCaseId())
                .detail(detail == null ? task.getTaskKey() : task.getTaskKey() + ", " + detail));
    }

    private OpenTask openTask(String taskId) {
        return openTasks.findById(taskId).orElseThrow(TaskNotAvailable::gone);
    }
}
