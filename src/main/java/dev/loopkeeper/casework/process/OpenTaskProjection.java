package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.TaskChanged;
import dev.loopkeeper.casework.domain.CaseParticipants;
import dev.loopkeeper.casework.domain.OpenTask;
import dev.loopkeeper.casework.domain.OpenTasks;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link OpenTask} in step with the engine's user tasks. Registered on every user task of every
 * deployed process by {@link EveryUserTaskPlugin}, so no model can forget it; it runs inside the
 * engine's transaction, so the projection is never ahead of or behind the engine. On the way it records
 * who takes part in the case ({@link CaseParticipants}): every group a task is offered to and everyone
 * who holds one, which the open task forgets when it is done.
 */
@Component
class OpenTaskProjection implements TaskListener {

    private final OpenTasks openTasks;
    private final CaseParticipants participants;
    private final RepositoryService repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The repository service is lazy because this listener is wired into the engine being built. */
    OpenTaskProjection(
            OpenTasks openTasks,
            CaseParticipants participants,
            @Lazy RepositoryService repository,
            ApplicationEventPublisher events,
            Clock clock) {
        this.openTasks = openTasks;
        this.participants = participants;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                OpenTask opened = openTasks.save(changed(created(task), task));
                publish(opened, TaskChanged.Change.OPENED);
            }
            case EVENTNAME_ASSIGNMENT ->
                openTasks
                        .findById(task.getId())
                        .ifPresent(open -> publish(changed(open, task), TaskChanged.Change.ASSIGNED));
            case EVENTNAME_UPDATE -> openTasks.findById(task.getId()).ifPresent(open -> changed(open, task));
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE ->
                openTasks.findById(task.getId()).ifPresent(open -> {
                    openTasks.delete(open);
                    publish(open, TaskChanged.Change.CLOSED);
                });
            default -> {
                // timeout: nothing in the task changes
            }
        }
    }

    private void publish(OpenTask task, TaskChanged.Change change) {
        events.publishEvent(new TaskChanged(
                task.getId(), task.getCaseId(), change, task.getName(), task.getCandidateGroup(), task.getAssignee()));
    }

    private OpenTask created(DelegateTask task) {
        String processKey =
                repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        String businessKey = task.getExecution().getProcessBusinessKey();
        UUID caseId = ClosedLoop.PROCESS_ID.equals(processKey) ? UUID.fromString(businessKey) : null;
        return new OpenTask(
                task.getId(),
                task.getProcessInstanceId(),
                processKey,
                businessKey,
                caseId,
                task.getTaskDefinitionKey(),
                instant(task.getCreateTime()));
    }

    /**
     * Takes the task's changes into its row. Whoever a change brings to a case's task joins the case; the row
     * still holds the task as it was, so nothing is written when the group or the holder stays the same (a
     * due date moved, a second update event for the same change).
     */
    private OpenTask changed(OpenTask open, DelegateTask task) {
        Set<String> groups = candidateGroups(task);
        if (open.getCaseId() != null) {
            Instant now = clock.instant();
            if (!groups.equals(open.getCandidateGroup() == null ? Set.of() : Set.of(open.getCandidateGroup()))) {
                groups.forEach(group -> participants.join(open.getCaseId(), CaseParticipants.Kind.GROUP, group, now));
            }
            for (String person : new String[] {task.getAssignee(), task.getOwner()}) {
                if (person != null && !person.equals(open.getAssignee()) && !person.equals(open.getOwner())) {
                    participants.join(open.getCaseId(), CaseParticipants.Kind.USER, person, now);
                }
            }
        }
        // our models give each user task one candidate group; the first one stands for the task
        open.refresh(
                task.getName(),
                groups.stream().sorted().findFirst().orElse(null),
                task.getAssignee(),
                task.getOwner(),
                instant(task.getDueDate()));
        return open;
    }

    private static Set<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
