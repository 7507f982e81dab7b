package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.CaseSummary;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.StaffAlerts;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_WarnBeforeBreach}: most of the contact's SLA has passed and the customer is still waiting; whoever holds
 * the contact (and the owner group) hear of it while there is time, as the alert policy says. A warning that comes
 * after the due time (a job that waited) says nothing: the breach speaks for itself.
 */
@Component("warnBeforeBreachDelegate")
class WarnBeforeBreachDelegate implements JavaDelegate {

    private final Casework casework;
    private final StaffAlerts alerts;
    private final Clock clock;

    WarnBeforeBreachDelegate(Casework casework, StaffAlerts alerts, Clock clock) {
        this.casework = casework;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        Instant due = loop.slaDueAt();
        if (!clock.instant().isBefore(due)) {
            return;
        }
        String assignee = casework.find(loop.caseId()).stream()
                .flatMap(c -> c.openTasks().stream())
                .filter(task -> ClosedLoop.CONTACT_CUSTOMER.equals(task.taskKey()))
                .map(CaseSummary.OpenTaskView::assignee)
                .filter(holder -> holder != null)
                .findFirst()
                .orElse(null);
        alerts.raise(new AlertEvent(
                AlertEvent.SLA_WARNING,
                DeliveryKey.ofCase(loop.caseId(), "sla-warning", due),
                "sla-warning",
                loop.text(Vars.OWNER_GROUP),
                assignee,
                loop.alertFacts(null, null),
                "SLA running out: a " + loop.text(Vars.SEGMENT) + " is due " + Times.format(due),
                "The customer is still waiting to be contacted"
                        + (assignee == null ? "; nobody holds the case." : "; " + assignee + " holds the case.")));
    }
}
