package dev.loopkeeper.casework.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/** Who completes a task, as its listeners record them. */
final class CompletedBy {

    private CompletedBy() {}

    /** Its assignee, else the user the engine was told about, else "system". */
    static String of(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var authentication = Context.getCommandContext() == null
                ? null
                : Context.getCommandContext().getAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : "system";
    }
}
