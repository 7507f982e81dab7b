package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.sharedkernel.Channel;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendRetryOutreach}: on email or SMS, a "we tried to reach you" message with a reply link goes
 * out now; on the phone the next attempt is the agent's call when the retry is due.
 */
@Component("sendRetryOutreachDelegate")
class SendRetryOutreachDelegate implements JavaDelegate {

    private final CaseProgress progress;
    private final CustomerOutreach outreach;

    SendRetryOutreachDelegate(CaseProgress progress, CustomerOutreach outreach) {
        this.progress = progress;
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        Channel channel = Channel.valueOf(loop.text(Vars.CHANNEL).toUpperCase());
        outreach.send(
                progress.customerOf(caseId),
                MessageStep.RETRY,
                channel,
                DeliveryKey.ofCase(caseId, "retry", loop.text(Vars.ATTEMPTS)),
                Map.of());
    }
}
