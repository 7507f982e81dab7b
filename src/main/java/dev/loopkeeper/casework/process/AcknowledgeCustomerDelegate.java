package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.FollowUp;
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
 * The customer hears at once that we got their feedback, when the policy says so ({@code acknowledge}): an
 * apology to a detractor, a thank-you-for-telling-us to a passive, each saying when we will be in touch. Only
 * for a personal follow-up: an automatic one is its own message, and none is none. Where the policy does not say,
 * detractors and passives get one and promoters are thanked on their own path. A step of {@code Task_Acknowledge}
 * ({@code Task_AcknowledgeCustomer} in models before it).
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
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        CustomerContact customer = progress.customerOf(caseId);
        boolean acknowledge = loop.followUp() == FollowUp.PERSONAL
                && loop.contactConsent()
                && loop.acknowledge().orElse(customer.segment() != Segment.PROMOTER);
        if (!acknowledge) {
            return;
        }
        DeliveryKey key = DeliveryKey.ofCase(caseId, "acknowledgement");
        outreach.sendWritten(customer, MessageStep.ACKNOWLEDGEMENT, key, Map.of());
    }
}
