package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sharedkernel.audit.Audited;

/** What a supervisor decided on the Review escalation task, for the audit trail: who, on which case, and why. */
final class EscalationDecision {

    private EscalationDecision() {}

    static Audited audited(LoopVariables loop, AuditAction action) {
        String reviewer = loop.text(Vars.ESCALATION_REVIEWER);
        return Audited.of(reviewer == null || reviewer.isBlank() ? "system" : reviewer, action, loop.caseId())
                .onCase(loop.caseId())
                .because(loop.text(Vars.ESCALATION_REASON));
    }
}
