package dev.loopkeeper.audit;

import dev.loopkeeper.sharedkernel.audit.AuditAction;
import java.time.Instant;

/** What the audit screen narrows to; null or blank is "any". The period is [from, to). */
public record AuditFilter(String actor, AuditAction action, String target, Instant from, Instant to) {

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null);
    }
}
