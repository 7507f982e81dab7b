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
        improvements.verified(ActionOf.scope(task), "verified".equals(task.getVariable(Vars.VERIFICATION)),
                (String) task.getVariable(Vars.VERIFICATION_NOTES));
    }
}
