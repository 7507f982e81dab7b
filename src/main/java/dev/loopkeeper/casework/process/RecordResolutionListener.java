package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.InvalidTaskInput;
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
        boolean systemic = CaseOf.flag(task, Vars.SYSTEMIC);
        UUID action = systemic ? improvementAction(task) : null;
        List<String> whys = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> CaseOf.string(task, Vars.why(n)))
                .filter(why -> why != null && !why.isBlank())
                .toList();
        progress.recordResolution(CaseOf.scope(task), CaseOf.string(task, Vars.RESOLUTION_SUMMARY),
                CaseOf.string(task, Vars.ROOT_CAUSE), whys, CaseOf.flag(task, Vars.FIXED_NOW), systemic, action,
                CaseOf.actorOf(task));
        // the gateway after the task reads a boolean, whatever the form sent
        task.getExecution().setVariable(Vars.SYSTEMIC, systemic);
    }

    /** The form can only offer actions from a list; the server checks the id is one of them. */
    private UUID improvementAction(DelegateTask task) {
        String id = CaseOf.string(task, Vars.IMPROVEMENT_ACTION_ID);
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
