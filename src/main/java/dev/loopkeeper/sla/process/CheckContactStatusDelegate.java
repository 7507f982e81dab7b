package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.SlaCasework;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckContactStatus}: at the extended due time, is the breached step still not done: nobody reached the
 * customer, or nobody logged the resolution?
 */
@Component("checkContactStatusDelegate")
class CheckContactStatusDelegate implements JavaDelegate {

    private final SlaCasework casework;

    CheckContactStatusDelegate(SlaCasework casework) {
        this.casework = casework;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        boolean awaiting = ClosedLoop.LOG_RESOLUTION.equals(loop.text(Vars.BREACHED_STEP))
                ? casework.isAwaitingResolution(caseId)
                : casework.isAwaitingContact(caseId);
        execution.setVariable(Vars.STILL_AWAITING_CONTACT, awaiting);
    }
}
