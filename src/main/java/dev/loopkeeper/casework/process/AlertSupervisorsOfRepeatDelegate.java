package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.CaseRepeat;
import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import dev.loopkeeper.sharedkernel.Groups;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AlertSupervisorsOfRepeat}: the case's priority rose; supervisors hear why. Either the customer scored
 * low again while the case was open (the latest such response says what), or nobody ever reached them before.
 */
@Component("alertSupervisorsOfRepeatDelegate")
class AlertSupervisorsOfRepeatDelegate implements JavaDelegate {

    private final CaseProgress progress;
    private final Outreach outreach;

    AlertSupervisorsOfRepeatDelegate(CaseProgress progress, Outreach outreach) {
        this.progress = progress;
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = LoopVariables.of(execution).caseId();
        CustomerContact customer = progress.customerOf(caseId);
        List<CaseRepeat> repeats = progress.repeatsOf(caseId);
        if (repeats.isEmpty()) {
            outreach.alertStaff(StaffAlert.toGroup(
                    Groups.SUPERVISORS,
                    DeliveryKey.ofCase(caseId, "repeat", "never-reached"),
                    "repeat-detractor",
                    customer.displayName() + " scored " + customer.score() + " and was never reached before",
                    "Their earlier case closed without anyone reaching them. This one has high priority."));
            return;
        }
        CaseRepeat latest = repeats.get(repeats.size() - 1);
        outreach.alertStaff(StaffAlert.toGroup(
                Groups.SUPERVISORS,
                DeliveryKey.ofCase(caseId, "repeat", latest.getResponseId()),
                "repeat-detractor",
                customer.displayName() + " scored " + latest.getScore() + " again while the case is open",
                (latest.getComment() == null ? "No comment." : "\"" + latest.getComment() + "\"")
                        + " The case now has high priority (" + repeats.size() + " repeat"
                        + (repeats.size() == 1 ? "" : "s") + ")."));
    }
}
