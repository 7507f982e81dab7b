package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.StandardWebhooks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The signature schemes of our webhooks. Every comparison is constant-time, against every secret of the source (more
 * than one while a secret is rotated), so timing tells nothing about how much of a signature was right.
 */
final class Signatures {

    private Signatures() {}

    /**
     * Standard Webhooks (standardwebhooks.com): {@code webhook-signature} holds space-separated {@code v1,<base64>}
     * signatures, each an HMAC-SHA256 of {@code id.timestamp.body} under a secret; a {@code whsec_} secret is
     * base64, any other its UTF-8 bytes. The timestamp (unix seconds) must be within the tolerance of our clock.
     */
    static void verifyStandard(
            String id,
            String timestamp,
            String signatures,
            byte[] body,
            List<String> secrets,
            Instant now,
            Duration tolerance) {
        if (id == null || id.isBlank() || timestamp == null || signatures == null || signatures.isBlank()) {
            throw new WebhookRefused(
                    "A signed webhook needs the headers webhook-id, webhook-timestamp and " + "webhook-signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException notANumber) {
            throw new WebhookRefused("webhook-timestamp must be the time it was sent in unix seconds");
        }
        // compared without subtracting from the sender's number: a huge one must not wrap around into the window
        if (seconds < now.getEpochSecond() - tolerance.toSeconds()
                || seconds > now.getEpochSecond() + tolerance.toSeconds()) {
            throw new WebhookRefused("webhook-timestamp is more than " + tolerance.toMinutes()
                    + " minutes from our clock: a delivery is taken only within that window");
        }
        byte[] signed = StandardWebhooks.signedContent(id, seconds, body);
        boolean valid = false;
        for (String secret : secrets) {
            byte[] expected = StandardWebhooks.hmac(StandardWebhooks.key(secret), signed);
            for (String signature : signatures.strip().split(" +")) {
                if (signature.startsWith("v1,")) {
                    valid |= MessageDigest.isEqual(expected, base64(signature.substring(3)));
                }
            }
        }
        if (!valid) {
            throw new WebhookRefused("No signature in webhook-signature matches a secret of this source");
        }
    }

    /** Delighted: {@code X-Delighted-Webhook-Signature: sha256=<hex>}, an HMAC-SHA256 of the body. */
    static void verifyDelighted(String header, byte[] body, List<String> secrets) {
        if (header == null || !header.strip().startsWith("sha256=")) {
            throw new WebhookRefused("A Delighted webhook needs the header X-Delighted-Webhook-Signature: sha256=...");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.strip().substring("sha256=".length()));
        } catch (IllegalArgumentException notHex) {
            throw new WebhookRefused("X-Delighted-Webhook-Signature must be sha256= and a hex digest");
        }
        boolean valid = false;
        for (String secret : secrets) {
            valid |= MessageDigest.isEqual(StandardWebhooks.hmac(secret.getBytes(StandardCharsets.UTF_8), body), given);
        }
        if (!valid) {
            throw new WebhookRefused("X-Delighted-Webhook-Signature does not match a secret of this source");
        }
    }

    /** The signature a sender computes, for our tests and for the README's worked example. */
    static String standard(String secret, String id, long timestamp, byte[] body) {
        return StandardWebhooks.sign(secret, id, timestamp, body);
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }
}
