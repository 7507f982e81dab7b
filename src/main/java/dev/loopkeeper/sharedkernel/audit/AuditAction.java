package dev.loopkeeper.sharedkernel.audit;

/** What a person did that the audit trail keeps, and what kind of thing it was done to. */
public enum AuditAction {
    CLAIM("task"),
    RELEASE("task"),
    DELEGATE("task"),
    HAND_BACK("task"),
    REASSIGN("task"),
    COMPLETE("task"),
    REASSIGN_CONTACT("case"),
    EXTEND_SLA("case"),
    TAKE_OVER("case"),
    DEPLOY("model"),
    ROLL_BACK("model"),
    MIGRATE("process"),
    DIRECTORY_CHANGE("employee"),
    /** A change through the engine's own doors (/engine-rest, Cockpit, Admin): users, groups, roles, tasks… */
    ENGINE_API("engine-api"),
    CASE_EXPORT("export"),
    AUDIT_EXPORT("export"),
    CUSTOMER_EXPORT("customer"),
    CUSTOMER_ERASURE("customer");

    private final String targetKind;

    AuditAction(String targetKind) {
        this.targetKind = targetKind;
    }

    public String targetKind() {
        return targetKind;
    }

    /** As written in the trail and its CSV: {@code hand-back}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
