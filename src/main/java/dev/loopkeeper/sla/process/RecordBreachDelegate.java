package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.sla.BreachLog;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** {@code Task_RecordBreach}: the SLA timer fired while the customer was still waiting; write it down. */
@Component("recordBreachDelegate")
class RecordBreachDelegate implements JavaDelegate {

    private final BreachLog breaches;
    private final Casework casework;

    RecordBreachDelegate(BreachLog breaches, Casework casework) {
        this.breaches = breaches;
        this.casework = casework;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Between attempts (waiting for a reply or the retry) no contact task is open: nobody held the case
        Task waiting = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ClosedLoop.CONTACT_CUSTOMER)
                .singleResult();
        Date dueAt = (Date) execution.getVariable(Vars.SLA_DUE_AT);
        var caseId = CaseIds.of(execution);
        breaches.record(caseId, execution.getProcessInstanceId(),
                waiting == null ? ClosedLoop.REACH_CUSTOMER : ClosedLoop.CONTACT_CUSTOMER, dueAt.toInstant(),
                (String) execution.getVariable(Vars.OWNER_GROUP), waiting == null ? null : waiting.getAssignee(),
                (String) execution.getVariable(Vars.SEGMENT),
                casework.find(caseId).map(c -> c.customerName()).orElse(null));
    }
}
