package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.SlaCasework;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sla.BreachLog;
import dev.loopkeeper.sla.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ExtendSla}: the supervisor gives the breached step more time: the contact, or once the customer is
 * reached, the resolution. The new due time is recorded with its reason, moved onto the step's open task, and armed
 * as the next breach timer ({@code extendedUntil}; models before it read {@code slaDueAt}).
 */
@Component("extendSlaDelegate")
class ExtendSlaDelegate implements JavaDelegate {

    private final SlaCasework casework;
    private final BreachLog breaches;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ExtendSlaDelegate(
            SlaCasework casework,
            BreachLog breaches,
            BusinessCalendar calendar,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.casework = casework;
        this.breaches = breaches;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        Instant newDue = EnteredTime.parse(
                String.valueOf(loop.text(Vars.EXTENDED_DUE_AT)), calendar.zoneOf(loop.region()), Vars.EXTENDED_DUE_AT);
        if (!newDue.isAfter(clock.instant())) {
            throw new InvalidTaskInput(Vars.EXTENDED_DUE_AT, "must be in the future");
        }
        boolean resolution = ClosedLoop.LOG_RESOLUTION.equals(loop.text(Vars.BREACHED_STEP));
        breaches.recordExtension(
                caseId,
                resolution ? loop.resolutionDueAt() : loop.slaDueAt(),
                newDue,
                loop.text(Vars.ESCALATION_REASON),
                loop.text(Vars.ESCALATION_REVIEWER));
        if (resolution) {
            casework.moveResolutionDue(caseId, newDue);
            execution.setVariable(Vars.RESOLUTION_DUE_AT, Date.from(newDue));
        } else {
            casework.moveContactDue(caseId, newDue);
            execution.setVariable(Vars.SLA_DUE_AT, Date.from(newDue));
        }
        execution.setVariable(Vars.EXTENDED_UNTIL, Date.from(newDue));
        events.publishEvent(EscalationDecision.audited(loop, AuditAction.EXTEND_SLA)
                .detail((resolution ? "resolution" : "contact") + " due " + newDue));
    }
}
