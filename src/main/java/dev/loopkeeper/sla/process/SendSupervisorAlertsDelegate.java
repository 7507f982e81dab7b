package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.outreach.StaffAlerts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendSupervisorAlerts}: the breach alert's emails and chat posts due at once, in a job of its own (a mail
 * server's failure is retried here, and becomes this task's incident). What was stored with the breach is not
 * stored twice.
 */
@Component("sendSupervisorAlertsDelegate")
class SendSupervisorAlertsDelegate implements JavaDelegate {

    private final StaffAlerts alerts;

    SendSupervisorAlertsDelegate(StaffAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.raise(BreachAlert.of(LoopVariables.of(execution)));
    }
}
