package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.StaffAlerts;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AlertSupervisors}: a customer not contacted in time, or a resolution overdue; the alert policy says who
 * hears of it (by default supervisors: in the app at once, by email in their digest).
 */
@Component("alertSupervisorsDelegate")
class AlertSupervisorsDelegate implements JavaDelegate {

    private final StaffAlerts alerts;

    AlertSupervisorsDelegate(StaffAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        boolean resolution = ClosedLoop.LOG_RESOLUTION.equals(loop.text(Vars.BREACHED_STEP));
        Instant due = resolution ? loop.resolutionDueAt() : loop.slaDueAt();
        // the variables only: a storm of breaches loads no comment and no response
        alerts.raise(new AlertEvent(
                AlertEvent.BREACH,
                DeliveryKey.ofCase(loop.caseId(), "breach", due),
                "sla-breach",
                loop.text(Vars.OWNER_GROUP),
                loop.alertFacts(null, null),
                resolution
                        ? "SLA breached: a " + loop.text(Vars.SEGMENT) + "'s resolution is overdue"
                        : "SLA breached: a " + loop.text(Vars.SEGMENT) + " was not contacted in time",
                "The " + (resolution ? "resolution" : "case") + " was due " + Times.format(due) + " for group "
                        + loop.text(Vars.OWNER_GROUP) + ". Review the escalation in your tasklist."));
    }
}
