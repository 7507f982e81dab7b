package dev.loopkeeper.casework;

/** What the follow-up policy gives a case: a person reaches out, an automatic message only, or nothing. */
public enum FollowUp {
    /** Someone contacts the customer (the "Contact customer" task), then resolves or thanks. */
    PERSONAL,
    /** An automatic message only: a thank-you (with the invitations the policy names); the case closes. */
    AUTOMATIC,
    /** Nothing: the response is kept for the reports and the case closes at once. */
    NONE;

    public String key() {
        return name().toLowerCase();
    }

    /** The policy's word for it; a policy that says nothing, or something else, means a personal follow-up. */
    public static FollowUp ofKey(String key) {
        for (FollowUp followUp : values()) {
            if (followUp.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return followUp;
            }
        }
        return PERSONAL;
    }
}
