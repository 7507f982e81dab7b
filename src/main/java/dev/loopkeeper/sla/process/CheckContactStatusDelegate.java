package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.SlaCasework;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CheckContactStatus}: at the extended due time, has anyone reached the customer? */
@Component("checkContactStatusDelegate")
class CheckContactStatusDelegate implements JavaDelegate {

    private final SlaCasework casework;

    CheckContactStatusDelegate(SlaCasework casework) {
        this.casework = casework;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean awaiting =
                casework.isAwaitingContact(LoopVariables.of(execution).caseId());
        execution.setVariable(Vars.STILL_AWAITING_CONTACT, awaiting);
    }
}
