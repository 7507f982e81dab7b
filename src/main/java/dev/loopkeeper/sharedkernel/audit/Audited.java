package dev.loopkeeper.sharedkernel.audit;

import java.util.UUID;

/**
 * A person's action for the audit trail, published by the service that carried it out, inside its transaction: the
 * audit module writes it there, so an action that rolls back leaves no entry and a kept action always has one. The
 * audit module adds when and from which address; the publisher says who, what, on which target and why.
 *
 * <p>Never put a customer's personal data here (names, emails, phones, comments): the trail outlives erasure.
 */
public record Audited(String actor, AuditAction action, String target, UUID caseId, String reason, String detail) {

    public Audited {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("An audited action needs who did it");
        }
        if (action == null) {
            throw new IllegalArgumentException("An audited action needs what was done");
        }
    }

    public static Audited of(String actor, AuditAction action, Object target) {
        return new Audited(actor, action, target == null ? null : target.toString(), null, null, null);
    }

    /** The case the action was about, so that the trail of a case lists what was done to its tasks too. */
    public Audited onCase(UUID id) {
        return new Audited(actor, action, target, id, reason, detail);
    }

    /** The reason the person gave (where the screen asks for one). */
    public Audited because(String why) {
        return new Audited(actor, action, target, caseId, why, detail);
    }

    /** Anything else that says what was done: the colleague a task went to, the model version, a filter. */
    public Audited detail(String what) {
        return new Audited(actor, action, target, caseId, reason, what);
    }
}
