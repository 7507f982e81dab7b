package dev.loopkeeper.casework;

/** How a closed case ended; reports count each on its own. */
public enum CaseOutcome {
    /** The customer was reached and the resolution logged (and, if systemic, told of the fix). */
    RESOLVED,
    /** The customer was thanked, automatically or in person (promoters; anyone the policy answers automatically). */
    THANKED,
    /** Every attempt on every channel the customer has went unanswered. */
    UNREACHABLE,
    /** The policy gave the response no follow-up (a test send, say): kept for the reports only. */
    NO_FOLLOW_UP;

    public String key() {
        return name().toLowerCase().replace('_', '-');
    }
}
