package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.FollowUp;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseParticipants;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.intake.CustomerHistory;
import dev.loopkeeper.intake.PastResponse;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.StaffAlerts;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The owner group may open the new case from now on, even one that never gets a task for them (a promoter thanked
 * automatically); when someone is to contact the customer, whoever the alert policy names hears of it (by default the
 * group, in the app and by email; an account manager the response names, by email). A step of
 * {@code Task_Acknowledge} ({@code Task_AlertOwners} in models before it).
 */
@Component("alertOwnersDelegate")
class AlertOwnersDelegate implements JavaDelegate {

    private final CaseProgress progress;
    private final StaffAlerts alerts;
    private final CustomerHistory responses;
    private final CaseParticipants participants;
    private final Clock clock;

    AlertOwnersDelegate(
            CaseProgress progress,
            StaffAlerts alerts,
            CustomerHistory responses,
            CaseParticipants participants,
            Clock clock) {
        this.progress = progress;
        this.alerts = alerts;
        this.responses = responses;
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
        Map<String, String> properties =
                responses.response(caseId).map(PastResponse::properties).orElse(Map.of());
        alerts.raise(new AlertEvent(
                AlertEvent.CASE_OPENED,
                DeliveryKey.ofCase(caseId, "new"),
                "new-case",
                group,
                loop.alertFacts(customer.comment(), properties),
                "New " + customer.segment().key() + " (" + customer.score() + "): " + customer.displayName()
                        + (loop.contactConsent() ? "" : " (declined contact: do not call)"),
                customer.comment() == null ? "No comment." : customer.comment()));
    }
}
