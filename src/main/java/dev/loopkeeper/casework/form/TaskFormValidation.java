package dev.loopkeeper.casework.form;

import dev.loopkeeper.casework.FieldProblem;
import dev.loopkeeper.casework.InvalidTaskInput;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a task whose submitted values break its form's rules, whoever completes it:
 * our UI, Camunda Tasklist or the REST API. Attached to every user task as a built-in listener.
 */
@Component
public class TaskFormValidation implements TaskListener {

    private final TaskForms forms;

    TaskFormValidation(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        forms.of(task).ifPresent(form -> {
            List<FieldProblem> problems = FormRules.check(form, task.getVariables());
            if (!problems.isEmpty()) {
                throw new InvalidTaskInput(problems);
            }
        });
    }
}
