package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.MessageStep;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SendThankYou}: a promoter gets a thank-you with review and referral links. */
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
        UUID caseId = LoopVariables.of(execution).caseId();
        DeliveryKey key = DeliveryKey.ofCase(caseId, "thank-you");
        outreach.sendWritten(progress.customerOf(caseId), MessageStep.THANK_YOU, key, Map.of());
        progress.recordThanks(caseId);
    }
}
