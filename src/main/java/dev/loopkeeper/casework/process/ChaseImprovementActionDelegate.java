package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.insight.ImprovementView;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ChaseImprovementAction}: a customer has waited long for a fix; the process owners hear of it. */
@Component("chaseImprovementActionDelegate")
class ChaseImprovementActionDelegate implements JavaDelegate {

    private final CaseProgress progress;
    private final Improvements improvements;
    private final Outreach outreach;

    ChaseImprovementActionDelegate(CaseProgress progress, Improvements improvements, Outreach outreach) {
        this.progress = progress;
        this.improvements = improvements;
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = LoopVariables.of(execution).caseId();
        CustomerContact customer = progress.customerOf(caseId);
        ImprovementView action =
                improvements.find(customer.improvementActionId()).orElseThrow();
        DeliveryKey key = DeliveryKey.ofCase(caseId, "chase", execution.getActivityInstanceId());
        outreach.alertStaff(StaffAlert.toGroup(
                Groups.PROCESS_OWNERS,
                key,
                "late-improvement",
                "Still waiting on: " + action.title(),
                customer.displayName() + " was promised a fix for \"" + action.title() + "\" (owner " + action.owner()
                        + ", due " + Times.format(action.deadline()) + "). " + action.linkedCases()
                        + " customer(s) wait on it."));
    }
}
