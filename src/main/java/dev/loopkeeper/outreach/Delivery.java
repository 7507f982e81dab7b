package dev.loopkeeper.outreach;

import java.time.Instant;
import java.util.UUID;

/**
 * One message in the delivery log, with how its attempts went.
 *
 * @param caseId   null for a staff alert's email without a case
 * @param step     null for a staff alert's email
 * @param template the template it was rendered from, e.g. {@code acknowledgement-detractor}
 */
public record Delivery(
        UUID id,
        String deliveryKey,
        UUID caseId,
        Medium channel,
        MessageStep step,
        String recipient,
        String template,
        DeliveryStatus status,
        int attempts,
        Instant lastAttemptAt,
        String lastError) {

    /** The same attempt, ended. */
    public Delivery with(DeliveryStatus ended, String error) {
        return new Delivery(
                id, deliveryKey, caseId, channel, step, recipient, template, ended, attempts, lastAttemptAt, error);
    }
}
