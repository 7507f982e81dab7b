package dev.loopkeeper.casework.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The form of a user task, read from the deployment it is bound to. Cached per process definition and
 * task: with {@code formRefBinding="deployment"} a definition's form never changes.
 */
@Component
public class TaskForms {

    private final FormService forms;
    private final ObjectMapper json;
    private final Map<String, Optional<FormSchema>> cache = new ConcurrentHashMap<>();

    TaskForms(@Lazy FormService forms, ObjectMapper json) {
        this.forms = forms;
        this.json = json;
    }

    public Optional<FormSchema> of(DelegateTask task) {
        return of(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    }

    public Optional<FormSchema> of(String taskId, String processDefinitionId, String taskKey) {
        return cache.computeIfAbsent(processDefinitionId + '/' + taskKey, key -> load(taskId));
    }

    private Optional<FormSchema> load(String taskId) {
        if (forms.getTaskFormData(taskId).getCamundaFormRef() == null) {
            return Optional.empty();
        }
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            return Optional.of(FormSchema.of(json.readTree(form)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the form of task " + taskId, e);
        }
    }
}
