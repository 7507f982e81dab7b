package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseWithoutFollowUp}: the policy gives the response no follow-up, or the customer declined contact;
 * it stays in the reports, with the reason.
 */
@Component("closeWithoutFollowUpDelegate")
class CloseWithoutFollowUpDelegate implements JavaDelegate {

    private final CaseProgress progress;

    CloseWithoutFollowUpDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        progress.closeWithoutFollowUp(loop.caseId(), loop.noFollowUpReason());
    }
}
