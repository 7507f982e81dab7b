package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;

/** Reading a closed-loop instance's case and who acts in it. */
final class CaseOf {

    private CaseOf() {
    }

    static UUID scope(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(Vars.CASE_ID));
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** Whoever completes the task: its assignee, else the user the engine was told about, else "system". */
    static String actorOf(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var authentication = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : "system";
    }
}
