package dev.loopkeeper.outreach;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.outreach.*}
 *
 * @param fromAddress       sender of every email, e.g. {@code Loopkeeper <care@example.com>}
 * @param publicUrl         where customers reach this installation; reply links start with it
 * @param replySecret       HMAC key of reply links, at least 32 bytes; changing it voids every link sent
 * @param replyLinkValidity how long a reply link works after it was sent
 * @param reviewUrl         where a promoter's thank-you asks for a review
 * @param referralUrl       where a promoter's thank-you invites a referral
 * @param attemptLease      how long a started attempt counts as still running; longer than any SMTP or
 *                          SMS timeout, so that only an attempt whose process died is started again
 * @param sms               the HTTP SMS provider; without a URL, SMS fails (or, in the demo, is only logged)
 */
@ConfigurationProperties("loopkeeper.outreach")
public record OutreachSettings(
        String fromAddress,
        URI publicUrl,
        String replySecret,
        @DefaultValue("P14D") Duration replyLinkValidity,
        URI reviewUrl,
        URI referralUrl,
        @DefaultValue("PT2M") Duration attemptLease,
        @DefaultValue Sms sms) {

    public OutreachSettings {
        reviewUrl = unlessEmpty(reviewUrl);
        referralUrl = unlessEmpty(referralUrl);
        if (fromAddress == null || fromAddress.isBlank()) {
            throw new IllegalArgumentException("Set loopkeeper.outreach.from-address (LOOPKEEPER_MAIL_FROM)");
        }
        if (publicUrl == null || !publicUrl.isAbsolute()) {
            throw new IllegalArgumentException(
                    "Set loopkeeper.outreach.public-url (LOOPKEEPER_PUBLIC_URL) to an absolute URL, not " + publicUrl);
        }
        if (replySecret == null || replySecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("Set loopkeeper.outreach.reply-secret (LOOPKEEPER_REPLY_SECRET) "
                    + "to a random secret of at least 32 characters: it signs the reply links in customer emails");
        }
    }

    /** An unset environment variable binds as an empty URI; it means "none". */
    private static URI unlessEmpty(URI uri) {
        return uri == null || uri.toString().isBlank() ? null : uri;
    }

    /** Keeps the secrets out of logs. */
    @Override
    public String toString() {
        return "OutreachSettings[fromAddress=" + fromAddress + ", publicUrl=" + publicUrl + ", replyLinkValidity="
                + replyLinkValidity + ", reviewUrl=" + reviewUrl + ", referralUrl=" + referralUrl + ", attemptLease="
                + attemptLease + ", sms=" + sms + "]";
    }

    /**
     * {@code loopkeeper.outreach.sms.*}: a JSON POST of {@code {"to", "text", "reference"}} to {@code url}
     * with {@code Authorization: Bearer <token>}.
     */
    public record Sms(
            URI url, String token, @DefaultValue("10s") Duration timeout) {

        public Sms {
            url = unlessEmpty(url);
        }

        @Override
        public String toString() {
            return "Sms[url=" + url + ", timeout=" + timeout + "]";
        }
    }
}
