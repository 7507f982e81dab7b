package dev.loopkeeper.insight.process;

import dev.loopkeeper.insight.Improvements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_AnnounceFix}: the fix is out; every case waiting on it moves on to notify its customer. */
@Component("announceFixDelegate")
class AnnounceFixDelegate implements JavaDelegate {

    private final Improvements improvements;

    AnnounceFixDelegate(Improvements improvements) {
        this.improvements = improvements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        improvements.announce(ActionOf.scope(execution).actionId());
    }
}
