package dev.loopkeeper.insight.process;

import dev.loopkeeper.insight.ImprovementProcess.Vars;
import dev.loopkeeper.insight.Improvements;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Implement": the owner says what changed. */
@Component("recordImplementationListener")
class RecordImplementationListener implements TaskListener {

    private final Improvements improvements;

    RecordImplementationListener(Improvements improvements) {
        this.improvements = improvements;
    }

    @Override
    public void notify(DelegateTask task) {
        ActionOf action = ActionOf.scope(task);
        improvements.implemented(action.actionId(), action.text(Vars.IMPLEMENTATION_SUMMARY));
    }
}
