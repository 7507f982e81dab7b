package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.time.Instant;

/** The alert of a breach, from the case's variables only: a storm of breaches loads no comment and no response. */
final class BreachAlert {

    private BreachAlert() {}

    static AlertEvent of(LoopVariables loop) {
        boolean resolution = ClosedLoop.LOG_RESOLUTION.equals(loop.text(Vars.BREACHED_STEP));
        Instant due = resolution ? loop.resolutionDueAt() : loop.slaDueAt();
        return new AlertEvent(
                AlertEvent.BREACH,
                DeliveryKey.ofCase(loop.caseId(), "breach", due),
                "sla-breach",
                loop.text(Vars.OWNER_GROUP),
                loop.alertFacts(null, null),
                resolution
                        ? "SLA breached: a " + loop.text(Vars.SEGMENT) + "'s resolution is overdue"
                        : "SLA breached: a " + loop.text(Vars.SEGMENT) + " was not contacted in time",
                "The " + (resolution ? "resolution" : "case") + " was due " + Times.format(due) + " for group "
                        + loop.text(Vars.OWNER_GROUP) + ". Review the escalation in your tasklist.");
    }
}
