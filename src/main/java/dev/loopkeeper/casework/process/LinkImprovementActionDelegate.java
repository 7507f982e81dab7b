package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.insight.Improvements;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_LinkImprovementAction}: the case waits on the action; if its fix is out already, no wait. */
@Component("linkImprovementActionDelegate")
class LinkImprovementActionDelegate implements JavaDelegate {

    private final Improvements improvements;

    LinkImprovementActionDelegate(Improvements improvements) {
        this.improvements = improvements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID action = UUID.fromString(CaseOf.string(execution, Vars.IMPROVEMENT_ACTION_ID));
        boolean released = improvements.link(action, CaseOf.scope(execution));
        execution.setVariable(Vars.FIX_ALREADY_RELEASED, released);
    }
}
