package dev.loopkeeper.outreach;

import dev.loopkeeper.sharedkernel.Segment;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A message to a customer.
 *
 * @param deliveryKey   names this send for good: the same key is sent at most once (a {@link DeliveryKey}'s value)
 * @param address       an email address or a phone number, depending on the channel
 * @param model         extra template variables; the reply link, review and referral links are added (only those
 *                      {@link #INVITATIONS} names, when it does)
 * @param language      the customer's language (two letters), for the templates in it; none for the default
 */
public record CustomerMessage(
        String deliveryKey,
        UUID caseId,
        MessageStep step,
        Segment segment,
        String recipientName,
        String address,
        Map<String, Object> model,
        String language) {

    /** A model entry: the invitations a message carries ({@code review}, {@code referral}); both if absent. */
    public static final String INVITATIONS = "invitations";

    public CustomerMessage {
        if (deliveryKey == null || deliveryKey.isBlank() || deliveryKey.length() > 200) {
            throw new IllegalArgumentException("A delivery key is 1 to 200 characters, not " + deliveryKey);
        }
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(step, "step");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("Message " + deliveryKey + " has no address");
        }
        model = model == null ? Map.of() : Map.copyOf(model);
    }
}
