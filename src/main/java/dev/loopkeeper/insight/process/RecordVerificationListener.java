package dev.loopkeeper.insight.process;

import dev.loopkeeper.insight.ImprovementProcess.Vars;
import dev.loopkeeper.insight.Improvements;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Verify fix": verified, or back to the owner. */
@Component("recordVerificationListener")
class RecordVerificationListener implements TaskListener {

    private final Improvements improvements;

    RecordVerificationListener(Improvements improvements) {
        this.improvements = improvements;
    }

    @Override
    public void notify(DelegateTask task) {
        ActionOf action = ActionOf.scope(task);
        improvements.verified(
                action.actionId(),
                "verified".equals(action.text(Vars.VERIFICATION)),
                action.text(Vars.VERIFICATION_NOTES));
    }
}
