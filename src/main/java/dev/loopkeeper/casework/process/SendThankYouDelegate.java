package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.outreach.CustomerMessage;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.MessageStep;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendThankYou}: the automatic follow-up. A promoter's thank-you invites to a review, to refer a friend,
 * or both, as the policy's {@code invite} says (both where it does not say); anyone else the policy answers
 * automatically gets the thank-you-for-your-feedback of their segment.
 */
@Component("sendThankYouDelegate")
class SendThankYouDelegate implements JavaDelegate {

    private final CaseProgress progress;
    private final CustomerOutreach outreach;

    SendThankYouDelegate(CaseProgress progress, CustomerOutreach outreach) {
        this.progress = progress;
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        DeliveryKey key = DeliveryKey.ofCase(caseId, "thank-you");
        Map<String, Object> model = loop.invitations()
                .<Map<String, Object>>map(invited -> Map.of(CustomerMessage.INVITATIONS, List.copyOf(invited)))
                .orElse(Map.of());
        outreach.sendWritten(progress.customerOf(caseId), MessageStep.THANK_YOU, key, model);
        progress.recordThanks(caseId);
    }
}
