package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.SlaCasework;
import dev.loopkeeper.sla.SlaClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartSlaClock}: fixes the SLA due time once, from the policy's contact-within, in business or
 * calendar time as the policy says and in the case's region. The contact
 * task's due date and the breach timer both read the same variable, so they cannot drift apart.
 */
@Component("startSlaClockDelegate")
class StartSlaClockDelegate implements JavaDelegate {

    private final SlaClock sla;
    private final SlaCasework casework;
    private final Clock clock;

    StartSlaClockDelegate(SlaClock sla, SlaCasework casework, Clock clock) {
        this.sla = sla;
        this.casework = casework;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        Instant due = sla.dueAfter(clock.instant(), loop.text(Vars.CONTACT_WITHIN), loop.businessTime(), loop.region());
        execution.setVariable(Vars.SLA_DUE_AT, Date.from(due));
        casework.slaStarted(loop.caseId(), due);
    }
}
