package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.insight.Improvements;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Log resolution": writes the resolution and its whys; a systemic one names a real action. */
@Component("recordResolutionListener")
class RecordResolutionListener implements TaskListener {

    private final CaseProgress progress;
    private final Improvements improvements;

    RecordResolutionListener(CaseProgress progress, Improvements improvements) {
        this.progress = progress;
        this.improvements = improvements;
    }

    @Override
    public void notify(DelegateTask task) {
        LoopVariables loop = LoopVariables.of(task);
        boolean systemic = loop.flag(Vars.SYSTEMIC);
        UUID action = systemic ? improvementAction(loop) : null;
        List<String> whys = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> loop.text(Vars.why(n)))
                .filter(why -> why != null && !why.isBlank())
                .toList();
        progress.recordResolution(
                loop.caseId(),
                loop.text(Vars.RESOLUTION_SUMMARY),
                loop.text(Vars.ROOT_CAUSE),
                whys,
                loop.flag(Vars.FIXED_NOW),
                systemic,
                action,
                CompletedBy.of(task));
        // the gateway after the task reads a boolean, whatever the form sent
        task.getExecution().setVariable(Vars.SYSTEMIC, systemic);
    }

    /** The form can only offer actions from a list; the server checks the id is one of them. */
    private UUID improvementAction(LoopVariables loop) {
        String id = loop.text(Vars.IMPROVEMENT_ACTION_ID);
        try {
            UUID action = UUID.fromString(id);
            if (improvements.find(action).isPresent()) {
                return action;
            }
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            // fall through to the same answer
        }
        throw new InvalidTaskInput(Vars.IMPROVEMENT_ACTION_ID, "names no improvement action: " + id);
    }
}
