package dev.loopkeeper.survey;

/** Where an invitation stands. */
public enum InvitationStatus {
    /** Waiting to be sent at its time (a re-survey, a run's next batch, a send that failed and will be tried again). */
    SCHEDULED,
    SENT,
    ANSWERED,
    /** A survey rule said no when it was due: unsubscribed, quiet period, an open case. */
    SKIPPED,
    /** Every attempt to send it failed; the delivery log says why. */
    FAILED
}
