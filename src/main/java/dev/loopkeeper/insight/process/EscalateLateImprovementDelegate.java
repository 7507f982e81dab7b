package dev.loopkeeper.insight.process;

import dev.loopkeeper.insight.ImprovementView;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.ui.Times;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EscalateLateImprovement}: the deadline passed; tell the owner and the process owners. */
@Component("escalateLateImprovementDelegate")
class EscalateLateImprovementDelegate implements JavaDelegate {

    private final Improvements improvements;
    private final Outreach outreach;

    EscalateLateImprovementDelegate(Improvements improvements, Outreach outreach) {
        this.improvements = improvements;
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ImprovementView action =
                improvements.find(ActionOf.scope(execution).actionId()).orElseThrow();
        String subject = "Improvement action overdue: " + action.title();
        String body = "\"" + action.title() + "\" was due " + Times.format(action.deadline())
                + " and is not implemented yet. " + action.linkedCases() + " customer(s) are waiting on it.";
        DeliveryKey key = DeliveryKey.ofImprovement(action.id(), "late", execution.getId());
        outreach.alertStaff(StaffAlert.toUser(action.owner(), key.and("owner"), "late-improvement", subject, body));
        outreach.alertStaff(
                StaffAlert.toGroup(Groups.PROCESS_OWNERS, key.and("owners"), "late-improvement", subject, body));
    }
}
