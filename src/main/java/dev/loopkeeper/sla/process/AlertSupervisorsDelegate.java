package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.outreach.StaffAlerts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AlertSupervisors}: a customer not contacted in time, or a resolution overdue; the alert policy says who
 * hears of it (by default supervisors: in the app at once, by email in their digest). Stored with the breach; an
 * email or post due at once goes out from {@code Task_SendSupervisorAlerts}.
 */
@Component("alertSupervisorsDelegate")
class AlertSupervisorsDelegate implements JavaDelegate {

    private final StaffAlerts alerts;

    AlertSupervisorsDelegate(StaffAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AlertStep.record(execution, alerts, BreachAlert.of(LoopVariables.of(execution)));
    }
}
