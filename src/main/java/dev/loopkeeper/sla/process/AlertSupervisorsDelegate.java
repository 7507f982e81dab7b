package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AlertSupervisors}: supervisors hear of a breach as it happens, in the app and by email: a customer not
 * contacted in time, or a resolution overdue.
 */
@Component("alertSupervisorsDelegate")
class AlertSupervisorsDelegate implements JavaDelegate {

    private final Outreach outreach;

    AlertSupervisorsDelegate(Outreach outreach) {
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        boolean resolution = ClosedLoop.LOG_RESOLUTION.equals(loop.text(Vars.BREACHED_STEP));
        Instant due = resolution ? loop.resolutionDueAt() : loop.slaDueAt();
        outreach.alertStaff(StaffAlert.toGroup(
                Groups.SUPERVISORS,
                DeliveryKey.ofCase(loop.caseId(), "breach", due),
                "sla-breach",
                resolution
                        ? "SLA breached: a " + loop.text(Vars.SEGMENT) + "'s resolution is overdue"
                        : "SLA breached: a " + loop.text(Vars.SEGMENT) + " was not contacted in time",
                "The " + (resolution ? "resolution" : "case") + " was due " + Times.format(due) + " for group "
                        + loop.text(Vars.OWNER_GROUP) + ". Review the escalation in your tasklist."));
    }
}
