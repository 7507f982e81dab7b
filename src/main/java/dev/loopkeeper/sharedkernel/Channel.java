package dev.loopkeeper.sharedkernel;

/** A way to reach a customer. */
public enum Channel {
    PHONE,
    EMAIL,
    SMS;

    public String key() {
        return name().toLowerCase();
    }
}
