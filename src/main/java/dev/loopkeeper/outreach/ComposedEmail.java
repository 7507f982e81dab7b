package dev.loopkeeper.outreach;

import java.net.URI;

/**
 * An email another module wrote in full (a survey, say), for outreach to send once and log.
 *
 * @param unsubscribe where a mail client may unsubscribe the recipient with one click: sent as {@code
 *                    List-Unsubscribe} with {@code List-Unsubscribe-Post} (RFC 8058), so the link must take a POST
 *                    without a session; null: none
 */
public record ComposedEmail(String subject, String html, String text, URI unsubscribe) {

    public ComposedEmail {
        if (subject == null || subject.isBlank() || html == null || text == null) {
            throw new IllegalArgumentException("An email needs a subject, HTML and a text");
        }
    }
}
