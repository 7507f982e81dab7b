package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.SlaCasework;
import dev.loopkeeper.sla.BreachLog;
import dev.loopkeeper.sla.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ExtendSla}: the supervisor gives the case more time. The new due time is recorded with its
 * reason, moved onto the open contact task, and armed as the next breach timer.
 */
@Component("extendSlaDelegate")
class ExtendSlaDelegate implements JavaDelegate {

    private final SlaCasework casework;
    private final BreachLog breaches;
    private final BusinessCalendar calendar;
    private final Clock clock;

    ExtendSlaDelegate(SlaCasework casework, BreachLog breaches, BusinessCalendar calendar, Clock clock) {
        this.casework = casework;
        this.breaches = breaches;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        UUID caseId = loop.caseId();
        Instant newDue = parse(String.valueOf(loop.text(Vars.EXTENDED_DUE_AT)), loop.region());
        if (!newDue.isAfter(clock.instant())) {
            throw new InvalidTaskInput(Vars.EXTENDED_DUE_AT, "must be in the future");
        }
        breaches.recordExtension(
                caseId,
                loop.slaDueAt(),
                newDue,
                loop.text(Vars.ESCALATION_REASON),
                loop.text(Vars.ESCALATION_REVIEWER));
        casework.moveContactDue(caseId, newDue);
        execution.setVariable(Vars.SLA_DUE_AT, Date.from(newDue));
    }

    /** With an offset it is exact; without one (as a date picker sends it) it is read on the region's clock. */
    private Instant parse(String value, String region) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(value)
                        .atZone(calendar.zoneOf(region))
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidTaskInput(Vars.EXTENDED_DUE_AT, "must be a date and time like 2026-11-25T10:00");
            }
        }
    }
}
