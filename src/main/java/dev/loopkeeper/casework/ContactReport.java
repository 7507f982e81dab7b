package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Channel;

/** What the agent logs after trying to reach the customer. */
public record ContactReport(Channel channel, ContactOutcome outcome, String notes) {

    public static final int MAX_NOTES = 4000;

    public ContactReport {
        if (channel == null) {
            throw new IllegalArgumentException("Say which channel you used");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("Say whether you reached the customer");
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new IllegalArgumentException("Notes are limited to " + MAX_NOTES + " characters");
        }
    }
}
