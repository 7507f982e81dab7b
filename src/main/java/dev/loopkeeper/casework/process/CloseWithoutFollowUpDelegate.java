package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CloseWithoutFollowUp}: the policy gives the response no follow-up; it stays in the reports. */
@Component("closeWithoutFollowUpDelegate")
class CloseWithoutFollowUpDelegate implements JavaDelegate {

    private final CaseProgress progress;

    CloseWithoutFollowUpDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.closeWithoutFollowUp(LoopVariables.of(execution).caseId());
    }
}
