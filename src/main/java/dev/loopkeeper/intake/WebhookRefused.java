package dev.loopkeeper.intake;

/**
 * A webhook delivery that cannot be shown to come from its source, now: no valid signature, a timestamp outside the
 * window, or a delivery taken before sent again unchanged. Nothing of it is stored; the API answers 401.
 */
public class WebhookRefused extends RuntimeException {

    public WebhookRefused(String reason) {
        super(reason);
    }
}
