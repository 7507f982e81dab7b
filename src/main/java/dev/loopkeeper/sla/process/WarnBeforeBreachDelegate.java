package dev.loopkeeper.sla.process;

import dev.loopkeeper.outreach.StaffAlerts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_WarnBeforeBreach}: most of the contact's SLA has passed and the customer is still waiting; whoever holds
 * the contact (and the owner group) hear of it while there is time, as the alert policy says. Stored in the timer's
 * transaction; an email or post due at once goes out from {@code Task_SendBreachWarning}.
 */
@Component("warnBeforeBreachDelegate")
class WarnBeforeBreachDelegate implements JavaDelegate {

    private final SlaWarning warning;
    private final StaffAlerts alerts;

    WarnBeforeBreachDelegate(SlaWarning warning, StaffAlerts alerts) {
        this.warning = warning;
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        warning.of(execution)
                .ifPresentOrElse(event -> AlertStep.record(execution, alerts, event), () -> AlertStep.none(execution));
    }
}
