package dev.loopkeeper.survey;

import dev.loopkeeper.outreach.OutreachSettings;
import dev.loopkeeper.outreach.SignedTokens;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a survey message: {@code /survey/<token>} for an answer (with the score clicked, or none) and
 * {@code /survey/unsubscribe/<token>}. A token names the invitation, what the link is for and when it expires, sealed
 * like the reply links ({@link SignedTokens}); that an invitation is answered only once is the invitation's to say.
 * 76 characters, so that it fits an SMS.
 */
@Component
public class SurveyLinks {

    /** What a valid token says; {@code score} is null for a link that lets the customer choose. */
    public record SurveyLink(UUID invitationId, Purpose purpose, Integer score, Instant expiresAt) {}

    public enum Purpose {
        ANSWER,
        UNSUBSCRIBE
    }

    /** Why a token was refused; the page explains each differently. */
    public static class InvalidSurveyLink extends RuntimeException {

        private final boolean expired;

        InvalidSurveyLink(String message, boolean expired) {
            super(message);
            this.expired = expired;
        }

        public boolean isExpired() {
            return expired;
        }
    }

    private static final int PAYLOAD = 16 + 1 + 8;
    private static final byte CHOOSE = 11;
    private static final byte UNSUBSCRIBE = 12;

    private final SignedTokens tokens;
    private final OutreachSettings outreach;
    private final Clock clock;

    SurveyLinks(SignedTokens tokens, OutreachSettings outreach, Clock clock) {
        this.tokens = tokens;
        this.outreach = outreach;
        this.clock = clock;
    }

    /** A one-click answer with this score; null: the page asks for it. */
    public URI answer(UUID invitationId, Integer score, Instant expiresAt) {
        if (score != null && (score < 0 || score > 10)) {
            throw new IllegalArgumentException("A score is 0 to 10, not " + score);
        }
        return link("/survey/{token}", token(invitationId, score == null ? CHOOSE : score.byteValue(), expiresAt));
    }

    public URI unsubscribe(UUID invitationId, Instant expiresAt) {
        return link("/survey/unsubscribe/{token}", token(invitationId, UNSUBSCRIBE, expiresAt));
    }

    /**
     * @throws InvalidSurveyLink if the token is malformed, not signed by us, of another purpose, or expired
     */
    public SurveyLink verify(String token, Purpose expected) {
        ByteBuffer payload = ByteBuffer.wrap(tokens.open(token, PAYLOAD)
                .orElseThrow(() -> new InvalidSurveyLink("Not a survey link of ours", false)));
        UUID invitation = new UUID(payload.getLong(), payload.getLong());
        byte kind = payload.get();
        Instant expiresAt = Instant.ofEpochSecond(payload.getLong());
        Purpose purpose = kind == UNSUBSCRIBE ? Purpose.UNSUBSCRIBE : Purpose.ANSWER;
        if (purpose != expected || kind < 0 || kind > UNSUBSCRIBE) {
            throw new InvalidSurveyLink("A survey link used for another purpose", false);
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new InvalidSurveyLink("The survey link expired at " + expiresAt, true);
        }
        return new SurveyLink(invitation, purpose, kind <= 10 ? Integer.valueOf(kind) : null, expiresAt);
    }

    private String token(UUID invitationId, byte kind, Instant expiresAt) {
        return tokens.seal(ByteBuffer.allocate(PAYLOAD)
                .putLong(invitationId.getMostSignificantBits())
                .putLong(invitationId.getLeastSignificantBits())
                .put(kind)
                .putLong(expiresAt.getEpochSecond())
                .array());
    }

    private URI link(String path, String token) {
        return UriComponentsBuilder.fromUri(outreach.publicUrl())
                .path(path)
                .buildAndExpand(token)
                .toUri();
    }
}
