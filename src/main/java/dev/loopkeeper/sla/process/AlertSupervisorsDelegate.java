package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import java.util.Date;
import java.util.UUID;
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
        UUID caseId = CaseIds.of(execution);
        Date due = (Date) execution.getVariable(Vars.SLA_DUE_AT);
        outreach.alertStaff(new StaffAlert("case:" + caseId + ":breach:" + due.toInstant(), caseId, "supervisors", null,
                "sla-breach", "SLA breached: a " + execution.getVariable(Vars.SEGMENT) + " was not contacted in time",
                "The case was due " + due.toInstant() + " for group " + execution.getVariable(Vars.OWNER_GROUP)
                        + ". Review the escalation in your tasklist."));
    }
}
