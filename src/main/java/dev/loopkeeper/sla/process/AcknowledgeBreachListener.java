package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.sla.BreachLog;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Review escalation": the breach has been handled, by whoever completed the review. */
@Component("acknowledgeBreachListener")
class AcknowledgeBreachListener implements TaskListener {

    private final BreachLog breaches;

    AcknowledgeBreachListener(BreachLog breaches) {
        this.breaches = breaches;
    }

    @Override
    public void notify(DelegateTask task) {
        breaches.acknowledge(UUID.fromString((String) task.getVariable(Vars.CASE_ID)), task.getAssignee());
    }
}
