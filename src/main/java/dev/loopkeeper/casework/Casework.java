package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.casework.domain.FollowUpCase;
import dev.loopkeeper.casework.domain.OpenTask;
import dev.loopkeeper.casework.domain.OpenTasks;
import dev.loopkeeper.sharedkernel.Actor;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Working a case: reading it, claiming its tasks, completing them, and the leads' reassignments. */
@Service
@Transactional
public class Casework {

    /** Groups that may work any group's tasks. */
    private static final String SUPERVISORS = "supervisors";
    private static final String ADMINS = "admins";

    private final Cases cases;
    private final OpenTasks openTasks;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;

    Casework(Cases cases, OpenTasks openTasks, TaskService tasks, RuntimeService runtime, IdentityService identity) {
        this.cases = cases;
        this.openTasks = openTasks;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
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
        identity.setAuthentication(actor.userId(), List.copyOf(actor.groups()));
        try {
            tasks.complete(taskId, new HashMap<>(values));
        } catch (RuntimeException e) {
            if (NestedExceptionUtils.getMostSpecificCause(e) instanceof InvalidTaskInput invalid) {
                throw invalid;
            }
            throw e;
        } finally {
            identity.clearAuthentication();
        }
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
        boolean isUser = identity.createUserQuery().userId(userOrGroup).count() > 0;
        if (!isUser && identity.createGroupQuery().groupId(userOrGroup).count() == 0) {
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

    private static boolean mayWork(OpenTask task, Actor actor) {
        return isLead(actor) || (task.getCandidateGroup() != null && actor.isIn(task.getCandidateGroup()));
    }

    private static boolean isLead(Actor actor) {
        return actor.isIn(SUPERVISORS) || actor.isIn(ADMINS);
    }
}
