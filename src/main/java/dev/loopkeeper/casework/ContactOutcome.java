package dev.loopkeeper.casework;

/** What happened when an agent tried to reach the customer. */
public enum ContactOutcome {
    REACHED("Reached the customer"),
    NO_ANSWER("No answer"),
    WRONG_CONTACT_DETAILS("Wrong contact details");

    private final String label;

    ContactOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value of the {@code contactOutcome} process variable. */
    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static ContactOutcome ofKey(String key) {
        for (ContactOutcome outcome : values()) {
            if (outcome.key().equals(key)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("No contact outcome " + key);
    }
}
