package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.CaseworkSettings;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.OutreachFailed;
import dev.loopkeeper.outreach.StaffAlert;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReleaseIdleClaim}: every {@code claimIdleAfter} while a contact is open (a repeating timer): a contact
 * someone claimed and has not touched since goes back to its group, so that a claim nobody works does not hold the
 * customer until the breach; where the segment's rule sends idle claims to the supervisors ({@code claimIdleTo}),
 * they are alerted too, once per idle stretch, to give it to someone or take it. "Touched" is the engine's last update
 * of the task (a claim, a save, a hand-over); a claim a few minutes old is kept until the next round, so a contact is
 * released between one and two periods after it was last touched.
 */
@Component("releaseIdleClaimDelegate")
class ReleaseIdleClaimDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ReleaseIdleClaimDelegate.class);

    private final TaskService tasks;
    private final CaseworkSettings settings;
    private final Outreach outreach;
    private final Clock clock;

    ReleaseIdleClaimDelegate(TaskService tasks, CaseworkSettings settings, Outreach outreach, Clock clock) {
        this.tasks = tasks;
        this.settings = settings;
        this.outreach = outreach;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        Duration idle = loop.claimIdleAfter(settings.claimIdleAfter());
        Task contact = tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ClosedLoop.CONTACT_CUSTOMER)
                .active()
                .singleResult();
        if (contact == null || contact.getAssignee() == null) {
            return;
        }
        Instant touched =
                (contact.getLastUpdated() != null ? contact.getLastUpdated() : contact.getCreateTime()).toInstant();
        if (touched.plus(idle).isAfter(clock.instant())) {
            return;
        }
        String holder = contact.getAssignee();
        tasks.setAssignee(contact.getId(), null);
        if (loop.claimIdleTo() == CaseworkSettings.IdleClaimTo.SUPERVISORS) {
            alertSupervisors(loop, holder, touched);
        }
    }

    /**
     * In the app and by email. A mail server that is down must not undo the release nor stop the repeating timer
     * (a failed timer job ends as an incident, and its cycle with it): the in-app alert is stored before any email,
     * so an email that fails is only logged.
     */
    private void alertSupervisors(LoopVariables loop, String holder, Instant touched) {
        try {
            outreach.alertStaff(StaffAlert.toGroup(
                    Groups.SUPERVISORS,
                    DeliveryKey.ofCase(loop.caseId(), "idle-claim", touched),
                    "idle-claim",
                    "Idle claim: a " + loop.text(Vars.SEGMENT) + "'s contact was held by " + holder
                            + " and not touched since " + Times.format(touched),
                    "It is back with group " + loop.text(Vars.OWNER_GROUP) + ", unclaimed. Give it to someone or"
                            + " take it over from the tasklist."));
        } catch (OutreachFailed e) {
            log.warn(
                    "Idle claim of case {}: the supervisors are alerted in the app only: {}",
                    loop.caseId(),
                    e.getMessage());
        }
    }
}
