package dev.loopkeeper.sla.process;

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

/** {@code Task_AlertSupervisors}: supervisors hear of a breach as it happens, in the app and by email. */
@Component("alertSupervisorsDelegate")
class AlertSupervisorsDelegate implements JavaDelegate {

    private final Outreach outreach;

    AlertSupervisorsDelegate(Outreach outreach) {
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        Instant due = loop.slaDueAt();
        outreach.alertStaff(StaffAlert.toGroup(
                Groups.SUPERVISORS,
                DeliveryKey.ofCase(loop.caseId(), "breach", due),
                "sla-breach",
                "SLA breached: a " + loop.text(Vars.SEGMENT) + " was not contacted in time",
                "The case was due " + Times.format(due) + " for group " + loop.text(Vars.OWNER_GROUP)
                        + ". Review the escalation in your tasklist."));
    }
}
