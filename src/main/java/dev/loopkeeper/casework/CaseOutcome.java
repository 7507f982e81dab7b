package dev.loopkeeper.casework;

/** How a closed case ended; reports count each on its own. */
public enum CaseOutcome {
    /** The customer was reached and the resolution logged (and, if systemic, told of the fix). */
    RESOLVED,
    /** A promoter was thanked, automatically or in person. */
    THANKED,
    /** Every attempt on every channel the customer has went unanswered. */
    UNREACHABLE;

    public String key() {
        return name().toLowerCase();
    }
}
