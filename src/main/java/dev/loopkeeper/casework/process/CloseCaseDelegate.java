package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CloseCase}: the loop is closed; resolved, or thanked for promoters. */
@Component("closeCaseDelegate")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseProgress progress;

    CloseCaseDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.close(LoopVariables.of(execution).caseId());
    }
}
