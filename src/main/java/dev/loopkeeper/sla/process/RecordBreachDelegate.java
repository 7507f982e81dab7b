package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.CaseSummary;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.sla.BreachLog;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordBreach}: a step's clock ran out while the customer was still waiting: the first contact (or
 * the contact step between attempts), or the resolution. Writes it down, and fixes when supervisors should have
 * reviewed it, by the policy ({@code reviewDueAt}: the review task's due date and its timer read the same).
 */
@Component("recordBreachDelegate")
class RecordBreachDelegate implements JavaDelegate {

    private final BreachLog breaches;
    private final Casework casework;
    private final SlaExpressions sla;

    RecordBreachDelegate(BreachLog breaches, Casework casework, SlaExpressions sla) {
        this.breaches = breaches;
        this.casework = casework;
        this.sla = sla;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        Optional<CaseSummary> summary = casework.find(caseId);
        // Between attempts (waiting for a reply or the retry) no contact task is open: nobody held the case.
        // The tasklist's projection answers in this transaction, and far cheaper than the engine's TaskQuery
        // (13 % of a breach's CPU in the backlog benchmark's profile).
        Optional<CaseSummary.OpenTaskView> waiting = summary.stream()
                .flatMap(c -> c.openTasks().stream())
                .filter(task -> ClosedLoop.CONTACT_CUSTOMER.equals(task.taskKey())
                        || ClosedLoop.LOG_RESOLUTION.equals(task.taskKey()))
                .findFirst();
        String step = waiting.map(CaseSummary.OpenTaskView::taskKey).orElse(ClosedLoop.REACH_CUSTOMER);
        breaches.record(
                caseId,
                execution.getProcessInstanceId(),
                step,
                ClosedLoop.LOG_RESOLUTION.equals(step) ? loop.resolutionDueAt() : loop.slaDueAt(),
                loop.text(Vars.OWNER_GROUP),
                waiting.map(CaseSummary.OpenTaskView::assignee).orElse(null),
                loop.text(Vars.SEGMENT),
                summary.map(CaseSummary::customerName).orElse(null));
        execution.setVariable(Vars.BREACHED_STEP, step);
        execution.setVariable(Vars.REVIEW_DUE_AT, sla.reviewDueAt(execution));
    }
}
