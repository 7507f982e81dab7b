package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.CaseSummary;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.StaffAlerts;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sla.BreachLog;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateUnreviewedBreach}: supervisors did not review an escalation in the time the policy gives them.
 * It is a breach of its own (the review step's, with whoever held the review), and whoever the alert policy names
 * hears of it (by default the process owners);
 * the review stays open.
 */
@Component("escalateUnreviewedBreachDelegate")
class EscalateUnreviewedBreachDelegate implements JavaDelegate {

    private final BreachLog breaches;
    private final Casework casework;
    private final StaffAlerts alerts;

    EscalateUnreviewedBreachDelegate(BreachLog breaches, Casework casework, StaffAlerts alerts) {
        this.breaches = breaches;
        this.casework = casework;
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        Instant due = loop.instant(Vars.REVIEW_DUE_AT);
        Optional<CaseSummary> summary = casework.find(caseId);
        String reviewer =
                summary.flatMap(c -> c.holderOf(ClosedLoop.REVIEW_ESCALATION)).orElse(null);
        String customer = summary.map(CaseSummary::customerName).orElse(null);
        // in the job's transaction: a failed alert rolls it back, and the retry records it once
        breaches.record(
                caseId,
                execution.getProcessInstanceId(),
                ClosedLoop.REVIEW_ESCALATION,
                due,
                Groups.SUPERVISORS,
                reviewer,
                loop.text(Vars.SEGMENT),
                customer);
        alerts.raise(new AlertEvent(
                AlertEvent.ESCALATION,
                DeliveryKey.ofCase(caseId, "unreviewed", due),
                "unreviewed-escalation",
                loop.text(Vars.OWNER_GROUP),
                loop.alertFacts(null, null),
                "Escalation not reviewed in time: " + (customer == null ? "a " + loop.text(Vars.SEGMENT) : customer),
                "Supervisors were to review it by " + due
                        + (reviewer == null ? "; nobody has taken it" : "; " + reviewer + " holds it")
                        + ". The customer is still waiting."));
    }
}
