package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.CaseSummary;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RemindPointOfContact}: the next contact the agent promised is due and the resolution is not logged
 * (logging it ends the wait before this). The named point of contact hears of it, in the app and by email.
 */
@Component("remindPointOfContactDelegate")
class RemindPointOfContactDelegate implements JavaDelegate {

    private final Casework casework;
    private final Outreach outreach;

    RemindPointOfContactDelegate(Casework casework, Outreach outreach) {
        this.casework = casework;
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        Instant promised = loop.instant(Vars.PROMISED_CONTACT_AT);
        String customer = casework.find(caseId).map(CaseSummary::customerName).orElse("the customer");
        outreach.alertStaff(StaffAlert.toUser(
                loop.text(Vars.POINT_OF_CONTACT),
                DeliveryKey.ofCase(caseId, "promise", promised),
                "promise-due",
                "You promised " + customer + " to be in touch by now",
                "The next contact was promised for " + promised + " and the resolution is not logged yet. "
                        + "Contact the customer, or log the resolution."));
    }
}
