package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.SlaCasework;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@code Task_TakeOverContact}: the reviewing supervisor contacts the customer personally. */
@Component("takeOverContactDelegate")
class TakeOverContactDelegate implements JavaDelegate {

    private final SlaCasework casework;
    private final ApplicationEventPublisher events;

    TakeOverContactDelegate(SlaCasework casework, ApplicationEventPublisher events) {
        this.casework = casework;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        casework.reassignContact(loop.caseId(), loop.text(Vars.ESCALATION_REVIEWER));
        events.publishEvent(EscalationDecision.audited(loop, AuditAction.TAKE_OVER));
    }
}
