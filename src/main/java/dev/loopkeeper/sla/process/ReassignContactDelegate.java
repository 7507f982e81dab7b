package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.SlaCasework;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@code Task_ReassignContact}: the supervisor hands the contact to a colleague or another group. */
@Component("reassignContactDelegate")
class ReassignContactDelegate implements JavaDelegate {

    private final SlaCasework casework;
    private final ApplicationEventPublisher events;

    ReassignContactDelegate(SlaCasework casework, ApplicationEventPublisher events) {
        this.casework = casework;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        String to = loop.text(Vars.REASSIGN_TO).strip();
        casework.reassignContact(loop.caseId(), to);
        events.publishEvent(
                EscalationDecision.audited(loop, AuditAction.REASSIGN_CONTACT).detail("to " + to));
    }
}
