package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.form.TaskFormValidation;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Attaches what every user task of every deployed model needs, before the model's own listeners run:
 * no new work for someone who is away, the tasklist projection, and server-side validation of the task's
 * form on completion. A model cannot
 * forget them, and a deployment through the REST API gets them too.
 */
@Component
class EveryUserTaskPlugin extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(
            TaskListener.EVENTNAME_CREATE,
            TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_UPDATE,
            TaskListener.EVENTNAME_COMPLETE,
            TaskListener.EVENTNAME_DELETE);

    private final OpenTaskProjection projection;
    private final TaskFormValidation formValidation;
    private final AwayAssigneeGuard awayGuard;

    EveryUserTaskPlugin(OpenTaskProjection projection, TaskFormValidation formValidation, AwayAssigneeGuard awayGuard) {
        this.projection = projection;
        this.formValidation = formValidation;
        this.awayGuard = awayGuard;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition =
                        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                // order matters: the guard settles the assignee before the projection records it
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, awayGuard);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, formValidation);
                EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, projection));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
