package dev.loopkeeper.outreach;

import dev.loopkeeper.sharedkernel.Channel;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links a customer can follow to say "please get in touch": {@code <public-url>/reply/<token>}. The token
 * carries the case, the channel the link was sent on and an expiry, signed with HMAC-SHA256, so it needs
 * no table and cannot be made up or moved to another case. It is 76 characters, short enough for an SMS.
 */
@Component
public class ReplyLinks {

    /** What a valid token says. */
    public record Reply(UUID caseId, Channel channel, Instant expiresAt) {}

    /** Why a token was refused; the reply page explains each differently. */
    public static class InvalidReplyLink extends RuntimeException {

        private final boolean expired;

        InvalidReplyLink(String message, boolean expired) {
            super(message);
            this.expired = expired;
        }

        public boolean isExpired() {
            return expired;
        }
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int PAYLOAD = 16 + 1 + 8;
    private static final int SIGNATURE = 32;

    private final OutreachSettings settings;
    private final SecretKeySpec key;
    private final Clock clock;

    ReplyLinks(OutreachSettings settings, Clock clock) {
        this.settings = settings;
        this.key = new SecretKeySpec(settings.replySecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    public URI linkFor(UUID caseId, Channel channel) {
        return UriComponentsBuilder.fromUri(settings.publicUrl())
                .path("/reply/{token}")
                .buildAndExpand(tokenFor(caseId, channel))
                .toUri();
    }

    public String tokenFor(UUID caseId, Channel channel) {
        Instant expiresAt = clock.instant().plus(settings.replyLinkValidity());
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + SIGNATURE)
                .putLong(caseId.getMostSignificantBits())
                .putLong(caseId.getLeastSignificantBits())
                // Channel's order is part of every link sent: add new channels at the end
                .put((byte) channel.ordinal())
                .putLong(expiresAt.getEpochSecond());
        payload.put(sign(Arrays.copyOf(payload.array(), PAYLOAD)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    /** @throws InvalidReplyLink if the token is malformed, was not signed by us, or has expired */
    public Reply verify(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidReplyLink("The reply link is not one of ours", false);
        }
        if (bytes.length != PAYLOAD + SIGNATURE) {
            throw new InvalidReplyLink("The reply link is not one of ours", false);
        }
        byte[] expected = sign(Arrays.copyOf(bytes, PAYLOAD));
        // Constant time, so response times do not reveal how much of a forged signature was right
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, PAYLOAD, bytes.length))) {
            throw new InvalidReplyLink("The reply link's signature does not match", false);
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes);
        UUID caseId = new UUID(payload.getLong(), payload.getLong());
        int channel = payload.get();
        Instant expiresAt = Instant.ofEpochSecond(payload.getLong());
        if (channel < 0 || channel >= Channel.values().length) {
            throw new InvalidReplyLink("The reply link names no channel", false);
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new InvalidReplyLink("The reply link expired at " + expiresAt, true);
        }
        return new Reply(caseId, Channel.values()[channel], expiresAt);
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
