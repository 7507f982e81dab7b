package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.CaseworkSettings;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.sla.SlaClock;
import dev.loopkeeper.sla.SlaWarning;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The {@code sla} bean that timer and due-date expressions in the models call, e.g.
 * {@code ${sla.retryDueAt(execution)}}: times computed in the case's business calendar.
 */
@Component("sla")
public class SlaExpressions {

    private final SlaClock sla;
    private final SlaWarning warning;
    private final CaseworkSettings casework;
    private final Clock clock;

    SlaExpressions(SlaClock sla, SlaWarning warning, CaseworkSettings casework, Clock clock) {
        this.sla = sla;
        this.warning = warning;
        this.casework = casework;
        this.clock = clock;
    }

    /**
     * How often to look for an idle claim on the contact: {@code R/<claimIdleAfter>}, the instance's own period or,
     * for an instance started (or migrated) before it had one, {@code loopkeeper.casework.claim-idle-after}.
     */
    public String claimIdleCycle(DelegateExecution execution) {
        return "R/" + LoopVariables.of(execution).claimIdleAfter(casework.claimIdleAfter());
    }

    /**
     * When to warn that the contact's SLA is running out ({@code loopkeeper.sla.warning.at-percent}, 80 % by
     * default, of the calendar time from now, when the step starts, to its due time).
     */
    public Date warningAt(DelegateExecution execution) {
        return Date.from(
                warning.warnAt(clock.instant(), LoopVariables.of(execution).slaDueAt()));
    }

    /** When the next attempt is due after an unanswered one: the policy's retry-after, in its kind of time. */
    public Date retryDueAt(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        return Date.from(
                sla.dueAfter(clock.instant(), loop.text(Vars.RETRY_AFTER), loop.businessTime(), loop.region()));
    }

    /**
     * When a supervisor should have reviewed a breach: the policy's review-within, in its kind of time (four
     * calendar hours where it is mute). The models now read the {@code reviewDueAt} variable that
     * {@code Task_RecordBreach} sets from this; the earlier models call it from the task's due date.
     */
    public Date reviewDueAt(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        return Date.from(
                sla.dueAfter(clock.instant(), loop.reviewWithin(), loop.reviewInBusinessTime(), loop.region()));
    }
}
