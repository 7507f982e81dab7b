package dev.loopkeeper.outreach;

/**
 * A message could not be sent now. The attempt is in the delivery log; thrown from a Camunda job, it
 * makes the engine retry the job and raise an incident when the retries run out.
 */
public class OutreachFailed extends RuntimeException {

    public OutreachFailed(String message) {
        super(message);
    }

    public OutreachFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
