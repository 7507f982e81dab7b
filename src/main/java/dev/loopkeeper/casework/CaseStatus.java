package dev.loopkeeper.casework;

/** Where a case stands. */
public enum CaseStatus {
    /** The process is driving it. */
    OPEN,
    /** The loop is closed: the customer was contacted and what they raised was dealt with. */
    CLOSED
}
