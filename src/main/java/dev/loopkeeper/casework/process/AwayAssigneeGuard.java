package dev.loopkeeper.casework.process;

import dev.loopkeeper.identity.Availability;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Someone who is away gets no new work: a task the model would hand to them (the agent who reached the
 * customer, the colleague a supervisor named) opens for their group instead.
 */
@Component
class AwayAssigneeGuard implements TaskListener {

    private final Availability availability;

    AwayAssigneeGuard(@Lazy Availability availability) {
        this.availability = availability;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null && availability.isAway(task.getAssignee())) {
            task.setAssignee(null);
        }
    }
}
