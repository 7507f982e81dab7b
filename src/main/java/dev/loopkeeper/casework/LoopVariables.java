package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.sharedkernel.ProcessVariables;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of a closed-loop instance, typed: how the delegates and listeners of every module read the case
 * an instance is about and the few values they share.
 */
public final class LoopVariables extends ProcessVariables {

    private LoopVariables(VariableScope scope) {
        super(scope);
    }

    public static LoopVariables of(VariableScope scope) {
        return new LoopVariables(scope);
    }

    /** The case the instance is about. */
    public UUID caseId() {
        return uuid(Vars.CASE_ID);
    }

    /** The SLA's due time, as the clock started it or an extension moved it. */
    public Instant slaDueAt() {
        return instant(Vars.SLA_DUE_AT);
    }

    /** The case's region, whose business calendar the SLA counts in (empty for none). */
    public String region() {
        return text(Vars.REGION);
    }

    /** Whether the policy counts business time; only the policy table's boolean output says so. */
    public boolean businessTime() {
        return Boolean.TRUE.equals(value(Vars.BUSINESS_TIME));
    }
}
