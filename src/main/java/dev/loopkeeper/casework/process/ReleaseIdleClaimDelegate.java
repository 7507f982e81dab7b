package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.CaseworkSettings;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.LoopVariables;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReleaseIdleClaim}: every {@code claimIdleAfter} while a contact is open (a repeating timer): a contact
 * someone claimed and has not touched since goes back to its group, so that a claim nobody works does not hold the
 * customer until the breach. "Touched" is the engine's last update of the task (a claim, a save, a hand-over); a
 * claim a few minutes old is kept until the next round, so a contact is released between one and two periods after
 * it was last touched.
 */
@Component("releaseIdleClaimDelegate")
class ReleaseIdleClaimDelegate implements JavaDelegate {

    private final TaskService tasks;
    private final CaseworkSettings settings;
    private final Clock clock;

    ReleaseIdleClaimDelegate(TaskService tasks, CaseworkSettings settings, Clock clock) {
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Duration idle = LoopVariables.of(execution).claimIdleAfter(settings.claimIdleAfter());
        Task contact = tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ClosedLoop.CONTACT_CUSTOMER)
                .active()
                .singleResult();
        if (contact == null || contact.getAssignee() == null) {
            return;
        }
        Date touched = contact.getLastUpdated() != null ? contact.getLastUpdated() : contact.getCreateTime();
        if (touched.toInstant().plus(idle).isAfter(clock.instant())) {
            return;
        }
        tasks.setAssignee(contact.getId(), null);
    }
}
