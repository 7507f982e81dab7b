package dev.loopkeeper.survey;

import java.net.URI;

/**
 * A survey message as a customer gets it: the email (subject, HTML and plain text) and the text message.
 *
 * @param unsubscribe the signed one-click unsubscribe link, also in the email's {@code List-Unsubscribe} header
 * @param language    the language of the words used (English where the customer's has none)
 */
public record RenderedSurvey(String subject, String html, String text, String sms, URI unsubscribe, String language) {

    /** What is between the HTML's body tags: the email as a preview shows it inside a page. */
    public String htmlBody() {
        int start = html.indexOf('>', html.indexOf("<body")) + 1;
        int end = html.lastIndexOf("</body>");
        return start > 0 && end > start ? html.substring(start, end) : html;
    }
}
