package dev.loopkeeper.outreach.process;

import dev.loopkeeper.outreach.Digests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SendDigests}: the round of digests and held alerts that are due now. */
@Component("sendDigestsDelegate")
class SendDigestsDelegate implements JavaDelegate {

    private final Digests digests;

    SendDigestsDelegate(Digests digests) {
        this.digests = digests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("digestsSent", digests.sendDue());
    }
}
