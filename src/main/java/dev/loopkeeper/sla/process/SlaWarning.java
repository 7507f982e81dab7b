package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The warning before a contact's SLA runs out, to whoever holds the contact and its owner group. A warning that comes
 * after the due time (a timer that waited, as in a backlog) is none: the breach speaks for itself.
 */
@Component
class SlaWarning {

    private final Casework casework;
    private final Clock clock;

    SlaWarning(Casework casework, Clock clock) {
        this.casework = casework;
        this.clock = clock;
    }

    Optional<AlertEvent> of(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        Instant due = loop.slaDueAt();
        if (!clock.instant().isBefore(due)) {
            return Optional.empty();
        }
        String assignee = casework.find(loop.caseId())
                .flatMap(c -> c.holderOf(ClosedLoop.CONTACT_CUSTOMER))
                .orElse(null);
        return Optional.of(new AlertEvent(
                AlertEvent.SLA_WARNING,
                DeliveryKey.ofCase(loop.caseId(), "sla-warning", due),
                "sla-warning",
                loop.text(Vars.OWNER_GROUP),
                assignee,
                loop.alertFacts(null, null),
                "SLA running out: a " + loop.text(Vars.SEGMENT) + " is due " + Times.format(due),
                "The customer is still waiting to be contacted"
                        + (assignee == null ? "; nobody holds the case." : "; " + assignee + " holds the case.")));
    }
}
