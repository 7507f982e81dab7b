package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.TaskChanged;
import dev.loopkeeper.casework.domain.OpenTask;
import dev.loopkeeper.casework.domain.OpenTasks;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
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
 * engine's transaction, so the projection is never ahead of or behind the engine.
 */
@Component
class OpenTaskProjection implements TaskListener {

    private final OpenTasks openTasks;
    private final RepositoryService repository;
    private final ApplicationEventPublisher events;

    /** The repository service is lazy because this listener is wired into the engine being built. */
    OpenTaskProjection(OpenTasks openTasks, @Lazy RepositoryService repository, ApplicationEventPublisher events) {
        this.openTasks = openTasks;
        this.repository = repository;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                OpenTask opened = openTasks.save(refreshed(created(task), task));
                publish(opened, TaskChanged.Change.OPENED);
            }
            case EVENTNAME_ASSIGNMENT -> openTasks.findById(task.getId())
                    .ifPresent(open -> publish(refreshed(open, task), TaskChanged.Change.ASSIGNED));
            case EVENTNAME_UPDATE -> openTasks.findById(task.getId()).ifPresent(open -> refreshed(open, task));
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> openTasks.findById(task.getId()).ifPresent(open -> {
                openTasks.delete(open);
                publish(open, TaskChanged.Change.CLOSED);
            });
            default -> {
                // timeout: nothing in the task changes
            }
        }
    }

    private void publish(OpenTask task, TaskChanged.Change change) {
        events.publishEvent(new TaskChanged(task.getId(), task.getCaseId(), change, task.getName(),
                task.getCandidateGroup(), task.getAssignee()));
    }

    private OpenTask created(DelegateTask task) {
        String processKey = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        String businessKey = task.getExecution().getProcessBusinessKey();
        UUID caseId = ClosedLoop.PROCESS_ID.equals(processKey) ? UUID.fromString(businessKey) : null;
        return new OpenTask(task.getId(), task.getProcessInstanceId(), processKey, businessKey, caseId,
                task.getTaskDefinitionKey(), instant(task.getCreateTime()));
    }

    private static OpenTask refreshed(OpenTask open, DelegateTask task) {
        open.refresh(task.getName(), candidateGroup(task), task.getAssignee(), task.getOwner(),
                instant(task.getDueDate()));
        return open;
    }

    /** Our models give each user task one candidate group; the first one stands for the task. */
    private static String candidateGroup(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .findFirst()
                .orElse(null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
