package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The case a closed-loop instance is about. */
final class CaseIds {

    private CaseIds() {
    }

    static UUID of(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(Vars.CASE_ID));
    }
}
