package dev.loopkeeper.casework;

/** Where a case stands as the case list shows it: with someone, waiting on something outside, or closed. */
public enum CaseState {
    /** Open with a task for someone: to contact the customer, log the resolution, review an escalation. */
    TO_DO("To do"),
    /** Open, no task: the customer was not reached, and the process waits for their reply or the next try. */
    WAITING_FOR_REPLY("Waiting for a reply or retry"),
    /** Resolved and linked to an improvement action: the customer is told when the fix is announced. */
    WAITING_FOR_FIX("Waiting for a fix"),
    /** The loop is closed; {@link CaseOutcome} says how. */
    CLOSED("Closed");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static CaseState ofKey(String key) {
        for (CaseState state : values()) {
            if (state.key().equals(key)) {
                return state;
            }
        }
        return null;
    }
}
