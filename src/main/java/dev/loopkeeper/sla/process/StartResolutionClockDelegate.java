package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.SlaCasework;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.sla.BusinessCalendar;
import dev.loopkeeper.sla.SlaClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartResolutionClock}: the customer is reached. Fixes when the resolution is due (the policy's
 * resolve-within, in its kind of time) and takes the next contact the agent promised on the contact form with its
 * named point of contact (the agent who reached the customer unless the form names someone else): a timer holds them
 * to it. Runs in the transaction that completes the contact, so a promise in the past or a point of contact who
 * does not exist sends the form back with the problem.
 */
@Component("startResolutionClockDelegate")
class StartResolutionClockDelegate implements JavaDelegate {

    private final SlaClock sla;
    private final BusinessCalendar calendar;
    private final SlaCasework casework;
    private final Directory directory;
    private final Clock clock;

    StartResolutionClockDelegate(
            SlaClock sla, BusinessCalendar calendar, SlaCasework casework, Directory directory, Clock clock) {
        this.sla = sla;
        this.calendar = calendar;
        this.casework = casework;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        Instant now = clock.instant();
        Instant due = sla.dueAfter(now, loop.resolveWithin(), loop.resolveInBusinessTime(), loop.region());
        Instant promised = null;
        String pointOfContact = null;
        String promise = loop.text(Vars.NEXT_CONTACT_AT);
        if (promise != null && !promise.isBlank()) {
            promised = EnteredTime.parse(promise, calendar.zoneOf(loop.region()), Vars.NEXT_CONTACT_AT);
            if (!promised.isAfter(now)) {
                throw new InvalidTaskInput(Vars.NEXT_CONTACT_AT, "must be in the future");
            }
            String named = loop.text(Vars.POINT_OF_CONTACT);
            pointOfContact = named == null || named.isBlank() ? loop.text(Vars.CONTACT_AGENT) : named.strip();
            if (!directory.isUser(pointOfContact)) {
                throw new InvalidTaskInput(Vars.POINT_OF_CONTACT, "names no user: " + pointOfContact);
            }
        }
        execution.setVariable(Vars.RESOLUTION_DUE_AT, Date.from(due));
        execution.setVariable(Vars.PROMISED_CONTACT_AT, promised == null ? null : Date.from(promised));
        execution.setVariable(Vars.POINT_OF_CONTACT, pointOfContact);
        casework.resolutionClockStarted(loop.caseId(), due, promised, pointOfContact);
    }
}
