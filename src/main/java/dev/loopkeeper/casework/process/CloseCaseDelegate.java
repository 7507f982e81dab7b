package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CloseCase}: marks the case closed. */
@Component("closeCaseDelegate")
class CloseCaseDelegate implements JavaDelegate {

    private final Casework casework;

    CloseCaseDelegate(Casework casework) {
        this.casework = casework;
    }

    @Override
    public void execute(DelegateExecution execution) {
        casework.close(UUID.fromString((String) execution.getVariable(Vars.CASE_ID)));
    }
}
