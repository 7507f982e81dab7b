package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.sla.BreachLog;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Review escalation": the breach is handled, by whom, with what decision and why. */
@Component("acknowledgeBreachListener")
class AcknowledgeBreachListener implements TaskListener {

    private final BreachLog breaches;

    AcknowledgeBreachListener(BreachLog breaches) {
        this.breaches = breaches;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = task.getAssignee();
        LoopVariables loop = LoopVariables.of(task);
        breaches.acknowledge(
                loop.caseId(), reviewer, loop.text(Vars.ESCALATION_DECISION), loop.text(Vars.ESCALATION_REASON));
        task.getExecution().setVariable(Vars.ESCALATION_REVIEWER, reviewer);
    }
}
