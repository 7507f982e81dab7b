package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.MessageStep;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_NotifyCustomerOfFix}: the customer hears that what they raised is fixed. */
@Component("notifyCustomerOfFixDelegate")
class NotifyCustomerOfFixDelegate implements JavaDelegate {

    private final CaseProgress progress;
    private final CustomerOutreach outreach;
    private final Improvements improvements;

    NotifyCustomerOfFixDelegate(CaseProgress progress, CustomerOutreach outreach, Improvements improvements) {
        this.progress = progress;
        this.outreach = outreach;
        this.improvements = improvements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = LoopVariables.of(execution).caseId();
        CustomerContact customer = progress.customerOf(caseId);
        String fix = improvements
                .find(customer.improvementActionId())
                .map(a -> a.title())
                .orElse("");
        outreach.sendWritten(
                customer,
                MessageStep.FIX_RELEASED,
                DeliveryKey.ofCase(caseId, "fix-released"),
                Map.of("fixSummary", "What we changed: " + fix + "."));
        progress.recordFixNotified(caseId);
    }
}
