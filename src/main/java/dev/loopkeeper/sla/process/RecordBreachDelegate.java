package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.sla.BreachLog;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** {@code Task_RecordBreach}: the SLA timer fired while the customer was still waiting; write it down. */
@Component("recordBreachDelegate")
class RecordBreachDelegate implements JavaDelegate {

    private final BreachLog breaches;

    RecordBreachDelegate(BreachLog breaches) {
        this.breaches = breaches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task waiting = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ClosedLoop.CONTACT_CUSTOMER)
                .singleResult();
        Date dueAt = (Date) execution.getVariable(Vars.SLA_DUE_AT);
        breaches.record(UUID.fromString((String) execution.getVariable(Vars.CASE_ID)),
                execution.getProcessInstanceId(), ClosedLoop.CONTACT_CUSTOMER, dueAt.toInstant(),
                (String) execution.getVariable(Vars.OWNER_GROUP), waiting == null ? null : waiting.getAssignee());
    }
}
