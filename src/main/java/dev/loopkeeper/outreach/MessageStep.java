package dev.loopkeeper.outreach;

/** Where in the closed loop a customer message is sent; each step has its own templates. */
public enum MessageStep {
    ACKNOWLEDGEMENT,
    RETRY,
    THANK_YOU,
    FIX_RELEASED;

    /** The template name stem: {@code thank-you} for {@code THANK_YOU}. */
    public String key() {
        return name().toLowerCase().replace('_', '-');
    }
}
