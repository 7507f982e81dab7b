package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.domain.CaseComment;
import dev.loopkeeper.casework.domain.CaseComments;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.casework.form.FormSchema;
import dev.loopkeeper.casework.form.TaskForms;
import dev.loopkeeper.casework.domain.FollowUpCase;
import dev.loopkeeper.casework.domain.OpenTask;
import dev.loopkeeper.casework.domain.OpenTasks;
import dev.loopkeeper.identity.Availability;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.sharedkernel.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Working a case: reading it, claiming its tasks, completing them, and the leads' reassignments. */
@Service
@Transactional
public class Casework {

    private final Cases cases;
    private final OpenTasks openTasks;
    private final CaseComments comments;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final Directory directory;
    private final Clock clock;
    private final TransactionTemplate perTask;
    private final TaskForms forms;
    private final Availability availability;

    Casework(Cases cases, OpenTasks openTasks, CaseComments comments, TaskService tasks, RuntimeService runtime,
             Directory directory, Clock clock, PlatformTransactionManager transactions, TaskForms forms,
             Availability availability) {
        this.cases = cases;
        this.openTasks = openTasks;
        this.comments = comments;
        this.tasks = tasks;
        this.runtime = runtime;
        this.directory = directory;
        this.clock = clock;
        this.perTask = new TransactionTemplate(transactions);
        this.forms = forms;
        this.availability = availability;
    }

    @Transactional(readOnly = true)
    public Optional<CaseSummary> find(UUID caseId) {
        return cases.findById(caseId).map(c -> new CaseSummary(c.getId(), c.getStatus(), c.getSegment(),
                c.getScore(), c.getCustomerExternalId(), c.getCustomerName(), c.getOpenedAt(), c.getFirstContactAt(),
                c.getClosedAt(), c.getLastContactOutcome(), c.getClosedAs(),
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
        if (!actor.mayWork(task.getCandidateGroup())) {
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
        if (!actor.userId().equals(task.getAssignee()) && !actor.oversees()) {
            throw new TaskNotAvailable("Only " + task.getAssignee() + " or a supervisor can release this task");
        }
        tasks.setAssignee(taskId, null);
    }

    /** The colleagues a task can go to: the other members of its group. */
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
        if (!actor.userId().equals(task.getAssignee()) && !(task.getAssignee() == null && actor.mayWork(task.getCandidateGroup()))
                && !actor.oversees()) {
            throw new TaskNotAvailable("Only " + task.getAssignee() + " or a supervisor can reassign this task");
        }
        requireColleague(task, colleague);
        tasks.setAssignee(taskId, colleague);
    }

    /**
     * Asks a colleague of the group to do the task for you: it comes back to you when they hand it back,
     * and you complete it (Camunda delegation).
     */
    public void delegate(String taskId, String colleague, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!actor.userId().equals(task.getAssignee())) {
            throw new TaskNotAvailable("Claim the task before you delegate it");
        }
        if (task.isDelegated()) {
            throw new TaskNotAvailable("This task is delegated already; hand it back first");
        }
        requireColleague(task, colleague);
        tasks.delegateTask(taskId, colleague);
    }

    /** The colleague is done: the task goes back to whoever delegated it. */
    public void handBack(String taskId, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!task.isDelegated() || !actor.userId().equals(task.getAssignee())) {
            throw new TaskNotAvailable("Only a task delegated to you can be handed back");
        }
        tasks.resolveTask(taskId);
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
     * Runs the action per task in a transaction of its own, so that one task someone else just took does
     * not undo the others.
     */
    private BulkOutcome each(List<String> taskIds, java.util.function.Consumer<String> action) {
        List<String> done = new java.util.ArrayList<>();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        for (String taskId : taskIds) {
            try {
                perTask.executeWithoutResult(status -> action.accept(taskId));
                done.add(taskId);
            } catch (TaskNotAvailable | InvalidTaskInput e) {
                refused.put(taskId, e.getMessage());
            }
        }
        return new BulkOutcome(done, refused);
    }

    private void requireColleague(OpenTask task, String colleague) {
        if (availability.isAway(colleague)) {
            throw new TaskNotAvailable(colleague + " is away and gets no new work");
        }
        boolean inGroup = task.getCandidateGroup() != null && directory.isMember(colleague, task.getCandidateGroup());
        if (!inGroup) {
            throw new TaskNotAvailable(colleague + " is not in " + task.getCandidateGroup() + ", the task's group");
        }
    }

    /** A note for colleagues on the case. */
    public void comment(UUID caseId, String text, Actor actor) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Write something first");
        }
        if (text.length() > 4000) {
            throw new IllegalArgumentException("Comments are limited to 4000 characters");
        }
        if (!cases.existsById(caseId)) {
            throw new IllegalArgumentException("No case " + caseId);
        }
        comments.save(new CaseComment(caseId, actor.userId(), text.strip(), clock.instant()));
    }

    /**
     * Completes a claimed task with the values of its form. The engine checks them against the form's
     * rules; a broken rule comes back as {@link InvalidTaskInput} naming the fields, and the task stays open.
     */
    public void completeTask(String taskId, Map<String, Object> values, Actor actor) {
        OpenTask task = openTask(taskId);
        if (!actor.userId().equals(task.getAssignee())) {
            throw new TaskNotAvailable(task.getAssignee() == null
                    ? "Claim the task before you complete it"
                    : "This task is claimed by " + task.getAssignee());
        }
        if (task.isDelegated()) {
            throw new TaskNotAvailable(task.getOwner() + " delegated this task to you: hand it back when you are done");
        }
        // No engine authentication: this screen has decided who may complete (the assignee, checked above), and
        // the listeners read the actor from the task's assignee
        try {
            tasks.complete(taskId, new HashMap<>(values));
        } catch (RuntimeException e) {
            if (NestedExceptionUtils.getMostSpecificCause(e) instanceof InvalidTaskInput invalid) {
                throw invalid;
            }
            throw e;
        }
    }

    /** The form of an open task, as its deployment defines it. */
    @Transactional(readOnly = true)
    public Optional<FormSchema> formOf(String taskId) {
        openTask(taskId);
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        return task == null ? Optional.empty()
                : forms.of(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    }

    /** The values the task's form starts with: what the process already knows under the fields' keys. */
    @Transactional(readOnly = true)
    public Map<String, Object> formValuesOf(String taskId, FormSchema form) {
        List<String> keys = form.fields().stream().map(FormSchema.Field::key).toList();
        return new HashMap<>(tasks.getVariables(taskId, keys));
    }

    /** Logs a contact attempt on the "Contact customer" task; the process decides what follows. */
    public void completeContact(String taskId, ContactReport report, Actor actor) {
        if (!ClosedLoop.CONTACT_CUSTOMER.equals(openTask(taskId).getTaskKey())) {
            throw new TaskNotAvailable("This task is not a contact task");
        }
        Map<String, Object> values = new HashMap<>();
        values.put(Vars.CHANNEL_USED, report.channel().key());
        values.put(Vars.CONTACT_OUTCOME, report.outcome().key());
        values.put(Vars.CONTACT_NOTES, report.notes());
        completeTask(taskId, values, actor);
    }

    /**
     * Hands the case's open contact task, and its later attempts, to a user or a group: a supervisor's
     * decision on an escalation.
     *
     * @throws IllegalArgumentException if there is no such user or group
     */
    public void reassignContact(UUID caseId, String userOrGroup) {
        FollowUpCase followUp = cases.findById(caseId).orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
        boolean isUser = directory.isUser(userOrGroup);
        if (!isUser && !directory.isGroup(userOrGroup)) {
            throw new InvalidTaskInput(Vars.REASSIGN_TO, "names no user or group: " + userOrGroup);
        }
        String pi = followUp.getProcessInstanceId();
        for (OpenTask contact : openContactTasks(caseId)) {
            if (isUser) {
                tasks.setAssignee(contact.getId(), userOrGroup);
            } else {
                moveToGroup(contact.getId(), userOrGroup);
            }
        }
        if (isUser) {
            runtime.setVariable(pi, Vars.CONTACT_ASSIGNEE, userOrGroup);
        } else {
            runtime.setVariable(pi, Vars.OWNER_GROUP, userOrGroup);
            runtime.setVariable(pi, Vars.CONTACT_ASSIGNEE, null);
        }
    }

    private void moveToGroup(String taskId, String group) {
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                tasks.deleteCandidateGroup(taskId, link.getGroupId());
            }
        }
        tasks.addCandidateGroup(taskId, group);
        tasks.setAssignee(taskId, null);
    }

    /** Moves the due time of the case's open contact task (an SLA extension). */
    public void moveContactDue(UUID caseId, Instant due) {
        for (OpenTask contact : openContactTasks(caseId)) {
            tasks.setDueDate(contact.getId(), Date.from(due));
        }
    }

    /** The SLA clock started: the case keeps its due time for the loop's health figures. */
    public void slaStarted(UUID caseId, Instant due) {
        cases.findById(caseId).ifPresent(c -> c.slaStarted(due));
    }

    /** When each of these cases first reached its customer (cases not reached yet are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, Instant> firstContacts(java.util.Collection<UUID> caseIds) {
        Map<UUID, Instant> contacts = new HashMap<>();
        if (!caseIds.isEmpty()) {
            cases.findAllById(caseIds).stream().filter(c -> c.getFirstContactAt() != null)
                    .forEach(c -> contacts.put(c.getId(), c.getFirstContactAt()));
        }
        return contacts;
    }

    /** These cases in one line each, in one query, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseHeadline> headlines(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return cases.findAllById(caseIds).stream()
                .map(c -> new CaseHeadline(c.getId(), c.getCustomerName(), c.getScore(), c.getSegment(), c.getStatus(),
                        c.getOpenedAt()))
                .sorted(Comparator.comparing(CaseHeadline::openedAt))
                .toList();
    }

    /** Nobody has spoken with the customer yet and the case is still open. */
    @Transactional(readOnly = true)
    public boolean isAwaitingContact(UUID caseId) {
        return cases.findById(caseId).map(FollowUpCase::isAwaitingContact).orElse(false);
    }

    private List<OpenTask> openContactTasks(UUID caseId) {
        return openTasks.findByCaseId(caseId).stream()
                .filter(t -> ClosedLoop.CONTACT_CUSTOMER.equals(t.getTaskKey()))
                .toList();
    }

    private OpenTask openTask(String taskId) {
        return openTasks.findById(taskId)
                .orElseThrow(() -> new TaskNotAvailable("This task is already done or no longer exists"));
    }
}
