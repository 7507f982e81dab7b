package dev.loopkeeper.insight.process;

import dev.loopkeeper.insight.ImprovementProcess.Vars;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The improvement action an improvement-action process instance is about. */
final class ActionOf {

    private ActionOf() {
    }

    static UUID scope(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(Vars.ACTION_ID));
    }
}
