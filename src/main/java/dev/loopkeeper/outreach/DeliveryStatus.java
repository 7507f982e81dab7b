package dev.loopkeeper.outreach;

/** PENDING: an attempt has started and its outcome is not yet recorded. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED
}
