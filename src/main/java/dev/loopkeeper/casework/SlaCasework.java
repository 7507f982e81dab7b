package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.casework.domain.FollowUpCase;
import dev.loopkeeper.casework.domain.OpenTask;
import dev.loopkeeper.casework.domain.OpenTasks;
import dev.loopkeeper.identity.Directory;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the SLA module asks of casework and nobody else does: the clock's start, a supervisor's decisions on an
 * escalation (another contact, more time), whether the customer is still waiting, and cases in one line for
 * the breach and diagram screens.
 */
@Service
@Transactional
public class SlaCasework {

    private final Cases cases;
    private final OpenTasks openTasks;
    private final CaseProgress progress;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final Directory directory;

    SlaCasework(
            Cases cases,
            OpenTasks openTasks,
            CaseProgress progress,
            TaskService tasks,
            RuntimeService runtime,
            Directory directory) {
        this.cases = cases;
        this.openTasks = openTasks;
        this.progress = progress;
        this.tasks = tasks;
        this.runtime = runtime;
        this.directory = directory;
    }

    /** The SLA clock started: the case keeps its due time for the loop's health figures. */
    public void slaStarted(UUID caseId, Instant due) {
        progress.slaStarted(caseId, due);
    }

    /** The customer was reached: the resolution's due time, and the next contact promised and by whom (or none). */
    public void resolutionClockStarted(UUID caseId, Instant due, Instant promisedContact, String pointOfContact) {
        progress.resolutionClockStarted(caseId, due, promisedContact, pointOfContact);
    }

    /**
     * Hands the case's open contact task, and its later attempts, to a user or a group: a supervisor's
     * decision on an escalation. Once the customer is reached, the step is the resolution: its task moves.
     *
     * @throws InvalidTaskInput if there is no such user or group
     */
    public void reassignContact(UUID caseId, String userOrGroup) {
        FollowUpCase followUp =
                cases.findById(caseId).orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
        boolean isUser = directory.isUser(userOrGroup);
        if (!isUser && !directory.isGroup(userOrGroup)) {
            throw new InvalidTaskInput(Vars.REASSIGN_TO, "names no user or group: " + userOrGroup);
        }
        String pi = followUp.getProcessInstanceId();
        for (OpenTask contact : openStepTasks(caseId)) {
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

    /** Moves the due time of the case's open contact task (an SLA extension). */
    public void moveContactDue(UUID caseId, Instant due) {
        for (OpenTask contact : openTasks(caseId, ClosedLoop.CONTACT_CUSTOMER)) {
            tasks.setDueDate(contact.getId(), Date.from(due));
        }
    }

    /** Moves the due time of the case's resolution, and of its open task (an SLA extension). */
    public void moveResolutionDue(UUID caseId, Instant due) {
        progress.resolutionDueMoved(caseId, due);
        for (OpenTask resolution : openTasks(caseId, ClosedLoop.LOG_RESOLUTION)) {
            tasks.setDueDate(resolution.getId(), Date.from(due));
        }
    }

    /** Nobody has spoken with the customer yet and the case is still open. */
    @Transactional(readOnly = true)
    public boolean isAwaitingContact(UUID caseId) {
        return cases.findById(caseId).map(FollowUpCase::isAwaitingContact).orElse(false);
    }

    /** The customer was reached and the case is still open without a resolution. */
    @Transactional(readOnly = true)
    public boolean isAwaitingResolution(UUID caseId) {
        return cases.findById(caseId).map(FollowUpCase::isAwaitingResolution).orElse(false);
    }

    /** When each of these cases first reached its customer (cases not reached yet are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, Instant> firstContacts(Collection<UUID> caseIds) {
        Map<UUID, Instant> contacts = new HashMap<>();
        if (!caseIds.isEmpty()) {
            cases.findAllById(caseIds).stream()
                    .filter(c -> c.getFirstContactAt() != null)
                    .forEach(c -> contacts.put(c.getId(), c.getFirstContactAt()));
        }
        return contacts;
    }

    /** These cases in one line each, in one query, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseHeadline> headlines(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return cases.findAllById(caseIds).stream()
                .map(c -> new CaseHeadline(
                        c.getId(), c.getCustomerName(), c.getScore(), c.getSegment(), c.getStatus(), c.getOpenedAt()))
                .sorted(Comparator.comparing(CaseHeadline::openedAt))
                .toList();
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

    /** The open tasks of the step the case is at: contacting the customer, or logging the resolution. */
    private List<OpenTask> openStepTasks(UUID caseId) {
        return openTasks.findByCaseId(caseId).stream()
                .filter(t -> ClosedLoop.CONTACT_CUSTOMER.equals(t.getTaskKey())
                        || ClosedLoop.LOG_RESOLUTION.equals(t.getTaskKey()))
                .toList();
    }

    private List<OpenTask> openTasks(UUID caseId, String taskKey) {
        return openTasks.findByCaseId(caseId).stream()
                .filter(t -> taskKey.equals(t.getTaskKey()))
                .toList();
    }
}
