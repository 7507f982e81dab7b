package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.insight.Improvements;
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
        LoopVariables loop = LoopVariables.of(execution);
        boolean released = improvements.link(loop.uuid(Vars.IMPROVEMENT_ACTION_ID), loop.caseId());
        execution.setVariable(Vars.FIX_ALREADY_RELEASED, released);
    }
}
