package dev.loopkeeper.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopkeeper.sharedkernel.Channel;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reply links carry their case and channel, and only our signature within their validity opens them. */
class ReplyLinksTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    static OutreachSettings settings(String secret) {
        return new OutreachSettings(
                "Care <care@example.com>",
                URI.create("https://care.example.com/app"),
                secret,
                Duration.ofDays(14),
                null,
                null,
                Duration.ofMinutes(2),
                new OutreachSettings.Sms(null, null, Duration.ofSeconds(10)));
    }

    static ReplyLinks links(String secret, Clock clock) {
        OutreachSettings settings = settings(secret);
        return new ReplyLinks(settings, new SignedTokens(settings), clock);
    }

    final ReplyLinks links = links("a-secret-of-at-least-32-characters-0001", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLinkNamesItsCaseAndChannelUnderThePublicUrlAndFitsAnSms() {
        UUID caseId = UUID.randomUUID();

        URI link = links.linkFor(caseId, Channel.SMS);

        assertThat(link.toString()).startsWith("https://care.example.com/app/reply/");
        String token = link.getPath().substring("/app/reply/".length());
        assertThat(token).hasSize(76).matches("[A-Za-z0-9_-]+");
        assertThat(links.verify(token))
                .isEqualTo(new ReplyLinks.Reply(caseId, Channel.SMS, NOW.plus(Duration.ofDays(14))));
    }

    @Test
    void everyChangedCharacterIsRefused() {
        String token = links.tokenFor(UUID.randomUUID(), Channel.EMAIL);

        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String tampered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThatThrownBy(() -> links.verify(tampered))
                    .as("position %d", i)
                    .isInstanceOf(ReplyLinks.InvalidReplyLink.class)
                    .satisfies(e -> assertThat(((ReplyLinks.InvalidReplyLink) e).isExpired())
                            .isFalse());
        }
    }

    @Test
    void aLinkSignedWithAnotherSecretIsRefused() {
        ReplyLinks other = links("another-secret-of-at-least-32-chars-0002", Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> links.verify(other.tokenFor(UUID.randomUUID(), Channel.EMAIL)))
                .isInstanceOf(ReplyLinks.InvalidReplyLink.class)
                .hasMessageContaining("signature");
    }

    @Test
    void aLinkExpiresAfterItsValidity() {
        String token = links.tokenFor(UUID.randomUUID(), Channel.EMAIL);
        ReplyLinks later = links(
                "a-secret-of-at-least-32-characters-0001", Clock.fixed(NOW.plus(Duration.ofDays(14)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(token))
                .isInstanceOf(ReplyLinks.InvalidReplyLink.class)
                .satisfies(e -> assertThat(((ReplyLinks.InvalidReplyLink) e).isExpired())
                        .isTrue());
    }

    @Test
    void aShortSecretIsRefusedAtStartUp() {
        assertThatThrownBy(() -> settings("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopkeeper.outreach.reply-secret");
    }
}
