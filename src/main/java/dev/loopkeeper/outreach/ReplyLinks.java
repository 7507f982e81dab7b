package dev.loopkeeper.outreach;

import dev.loopkeeper.sharedkernel.Channel;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links a customer can follow to say "please get in touch": {@code <public-url>/reply/<token>}. The token
 * carries the case, the channel the link was sent on and an expiry, signed by {@link SignedTokens}, so it needs
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

    private static final int PAYLOAD = 16 + 1 + 8;

    private final OutreachSettings settings;
    private final SignedTokens tokens;
    private final Clock clock;

    ReplyLinks(OutreachSettings settings, SignedTokens tokens, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
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
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD)
                .putLong(caseId.getMostSignificantBits())
                .putLong(caseId.getLeastSignificantBits())
                // Channel's order is part of every link sent: add new channels at the end
                .put((byte) channel.ordinal())
                .putLong(expiresAt.getEpochSecond());
        return tokens.seal(payload.array());
    }

    /** @throws InvalidReplyLink if the token is malformed, was not signed by us, or has expired */
    public Reply verify(String token) {
        ByteBuffer payload = ByteBuffer.wrap(tokens.open(token, PAYLOAD)
                .orElseThrow(
                        () -> new InvalidReplyLink("The reply link is not one of ours (format or signature)", false)));
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
}
