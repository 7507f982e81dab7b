package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Thank promoter": the promoter was thanked in person. */
@Component("recordThanksListener")
class RecordThanksListener implements TaskListener {

    private final CaseProgress progress;

    RecordThanksListener(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        progress.recordThanks(LoopVariables.of(task).caseId());
    }
}
