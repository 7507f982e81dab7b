package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.identity.EmployeeDirectory;
import dev.loopkeeper.identity.NamedEmployee;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import dev.loopkeeper.sharedkernel.Segment;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RaiseRecognitionAlerts}: a promoter praised someone by name; their manager hears of it. Runs
 * beside the contact steps, so a slow mail server never holds up a promoter's case.
 */
@Component("raiseRecognitionAlertsDelegate")
class RaiseRecognitionAlertsDelegate implements JavaDelegate {

    private final CaseProgress progress;
    private final EmployeeDirectory employees;
    private final Outreach outreach;

    RaiseRecognitionAlertsDelegate(CaseProgress progress, EmployeeDirectory employees, Outreach outreach) {
        this.progress = progress;
        this.employees = employees;
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = LoopVariables.of(execution).caseId();
        CustomerContact customer = progress.customerOf(caseId);
        if (customer.segment() != Segment.PROMOTER) {
            return;
        }
        for (NamedEmployee praised : employees.namedIn(customer.comment())) {
            DeliveryKey key = DeliveryKey.ofCase(caseId, "recognition", praised.employeeId());
            outreach.alertStaff(StaffAlert.toUser(
                    praised.managerUserId(),
                    key,
                    "recognition",
                    customer.displayName() + " praised " + praised.fullName(),
                    "\"" + customer.comment() + "\" (score " + customer.score() + ", " + praised.location() + ")"));
        }
    }
}
