package dev.loopkeeper.sla.process;

import dev.loopkeeper.outreach.StaffAlerts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendBreachWarning}: the warning's emails and chat posts due at once, in a job of its own (retried here
 * if the mail server fails). What the warning stored in the app is not stored twice.
 */
@Component("sendBreachWarningDelegate")
class SendBreachWarningDelegate implements JavaDelegate {

    private final SlaWarning warning;
    private final StaffAlerts alerts;

    SendBreachWarningDelegate(SlaWarning warning, StaffAlerts alerts) {
        this.warning = warning;
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        warning.of(execution).ifPresent(alerts::raise);
    }
}
