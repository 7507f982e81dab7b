package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.sharedkernel.Segment;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AcknowledgeCustomer}: detractors get an apology, passives a thank-you-for-telling-us, each
 * saying when we will be in touch. Promoters are thanked on their own path instead.
 */
@Component("acknowledgeCustomerDelegate")
class AcknowledgeCustomerDelegate implements JavaDelegate {

    private final CaseProgress progress;
    private final CustomerOutreach outreach;

    AcknowledgeCustomerDelegate(CaseProgress progress, CustomerOutreach outreach) {
        this.progress = progress;
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = LoopVariables.of(execution).caseId();
        CustomerContact customer = progress.customerOf(caseId);
        if (customer.segment() == Segment.PROMOTER) {
            return;
        }
        DeliveryKey key = DeliveryKey.ofCase(caseId, "acknowledgement");
        outreach.sendWritten(customer, MessageStep.ACKNOWLEDGEMENT, key, Map.of());
    }
}
