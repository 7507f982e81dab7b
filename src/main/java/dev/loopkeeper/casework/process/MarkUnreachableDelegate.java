package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_MarkUnreachable}: every attempt went unanswered; the case closes as unreachable. */
@Component("markUnreachableDelegate")
class MarkUnreachableDelegate implements JavaDelegate {

    private final CaseProgress progress;

    MarkUnreachableDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.markUnreachable(LoopVariables.of(execution).caseId());
    }
}
