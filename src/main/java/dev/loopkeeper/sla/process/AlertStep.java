package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.outreach.StaffAlerts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.Variables;

/**
 * An alert step of the SLA's: what the alert leaves in the app and in digests is stored in the step's own
 * transaction (the timer's, in a storm of breaches), and whatever must go out at once is left to the send task after
 * it, which has a job of its own and reads {@link Vars#ALERTS_DUE}.
 */
final class AlertStep {

    private AlertStep() {}

    static void record(DelegateExecution execution, StaffAlerts alerts, AlertEvent event) {
        boolean due;
        if (((ExecutionEntity) execution).getActivity().isAsyncBefore()) {
            // a case still on a model from before the send tasks: the step has its own job and sends, as it did
            alerts.raise(event);
            due = false;
        } else {
            due = alerts.recordForLater(event);
        }
        execution.setVariableLocal(Vars.ALERTS_DUE, Variables.booleanValue(due, true));
    }

    /** No alert at all (a warning after its due time): nothing for the send task either. */
    static void none(DelegateExecution execution) {
        execution.setVariableLocal(Vars.ALERTS_DUE, Variables.booleanValue(false, true));
    }
}
