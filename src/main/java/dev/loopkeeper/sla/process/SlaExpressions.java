package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.sla.SlaClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The {@code sla} bean that timer and due-date expressions in the models call, e.g.
 * {@code ${sla.retryDueAt(execution)}}: times computed in the case's business calendar.
 */
@Component("sla")
public class SlaExpressions {

    /** Supervisors are expected to look at a breach within this much calendar time. */
    static final Duration REVIEW_WITHIN = Duration.ofHours(4);

    private final SlaClock sla;
    private final Clock clock;

    SlaExpressions(SlaClock sla, Clock clock) {
        this.sla = sla;
        this.clock = clock;
    }

    /** When the next attempt is due after an unanswered one: the policy's retry-after, in its kind of time. */
    public Date retryDueAt(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        return Date.from(
                sla.dueAfter(clock.instant(), loop.text(Vars.RETRY_AFTER), loop.businessTime(), loop.region()));
    }

    /** When a supervisor should have reviewed a breach. */
    public Date reviewDueAt(DelegateExecution execution) {
        return Date.from(clock.instant().plus(REVIEW_WITHIN));
    }
}
