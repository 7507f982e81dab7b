package dev.loopkeeper.insight.process;

import dev.loopkeeper.insight.ImprovementProcess.Vars;
import dev.loopkeeper.sharedkernel.ProcessVariables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The variables of an improvement-action instance, typed, starting with the action it is about. */
final class ActionOf extends ProcessVariables {

    private ActionOf(VariableScope scope) {
        super(scope);
    }

    static ActionOf scope(VariableScope scope) {
        return new ActionOf(scope);
    }

    UUID actionId() {
        return uuid(Vars.ACTION_ID);
    }
}
