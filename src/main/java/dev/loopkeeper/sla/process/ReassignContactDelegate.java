package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.SlaCasework;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ReassignContact}: the supervisor hands the contact to a colleague or another group. */
@Component("reassignContactDelegate")
class ReassignContactDelegate implements JavaDelegate {

    private final SlaCasework casework;

    ReassignContactDelegate(SlaCasework casework) {
        this.casework = casework;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        casework.reassignContact(loop.caseId(), loop.text(Vars.REASSIGN_TO).strip());
    }
}
