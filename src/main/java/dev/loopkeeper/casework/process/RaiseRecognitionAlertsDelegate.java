package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.FollowUp;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.identity.EmployeeDirectory;
import dev.loopkeeper.identity.EntryKind;
import dev.loopkeeper.identity.Mention;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import dev.loopkeeper.sharedkernel.Segment;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A promoter praised someone or something by name (an employee, a location, a team, a process); its manager hears
 * of it. A step of {@code Task_Acknowledge} ({@code Task_RaiseRecognitionAlerts} in models before it): beside the
 * contact steps, so a slow mail server never holds up a promoter's case.
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
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        CustomerContact customer = progress.customerOf(caseId);
        if (customer.segment() != Segment.PROMOTER || loop.followUp() == FollowUp.NONE) {
            return;
        }
        for (Mention praised : employees.namedIn(customer.comment())) {
            DeliveryKey key = DeliveryKey.ofCase(caseId, "recognition", praised.entryId());
            String where = praised.location() == null ? "" : ", " + praised.location();
            outreach.alertStaff(StaffAlert.toUser(
                    praised.managerUserId(),
                    key,
                    "recognition",
                    customer.displayName() + " praised " + praised(praised),
                    "\"" + customer.comment() + "\" (score " + customer.score() + where + ")"));
        }
    }

    /** "Jonas Weber", "the Berlin store (location)", "the Installation team (team)". */
    private static String praised(Mention praised) {
        return praised.kind() == EntryKind.EMPLOYEE
                ? praised.name()
                : "the " + praised.name() + " (" + praised.kind().key() + ")";
    }
}
