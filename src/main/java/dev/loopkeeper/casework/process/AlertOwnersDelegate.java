package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.FollowUp;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseParticipants;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The owner group may open the new case from now on, even one that never gets a task for them (a promoter thanked
 * automatically); when someone is to contact the customer, the group hears of it in the app and by email. A step of
 * {@code Task_Acknowledge} ({@code Task_AlertOwners} in models before it).
 */
@Component("alertOwnersDelegate")
class AlertOwnersDelegate implements JavaDelegate {

    private final CaseProgress progress;
    private final Outreach outreach;
    private final CaseParticipants participants;
    private final Clock clock;

    AlertOwnersDelegate(CaseProgress progress, Outreach outreach, CaseParticipants participants, Clock clock) {
        this.progress = progress;
        this.outreach = outreach;
        this.participants = participants;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        CustomerContact customer = progress.customerOf(caseId);
        String group = loop.text(Vars.OWNER_GROUP);
        participants.join(caseId, CaseParticipants.Kind.GROUP, group, clock.instant());
        if (loop.followUp() != FollowUp.PERSONAL) {
            return;
        }
        outreach.alertStaff(StaffAlert.toGroup(
                group,
                DeliveryKey.ofCase(caseId, "new"),
                "new-case",
                "New " + customer.segment().key() + " (" + customer.score() + "): " + customer.displayName()
                        + (loop.contactConsent() ? "" : " (declined contact: do not call)"),
                customer.comment() == null ? "No comment." : customer.comment()));
    }
}
