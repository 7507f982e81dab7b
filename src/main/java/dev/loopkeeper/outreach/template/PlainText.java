package dev.loopkeeper.outreach.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The text/plain alternative of one of our HTML emails: paragraphs become blank lines, a link keeps its
 * address. Made for our own simple templates, not for arbitrary HTML.
 */
final class PlainText {

    private static final Pattern BODY =
            Pattern.compile("<body[^>]*>(.*)</body>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK =
            Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private PlainText() {}

    static String of(String html) {
        Matcher body = BODY.matcher(html);
        String text = body.find() ? body.group(1) : html;
        // Line breaks in the template's source are layout, as in a browser; only the tags below break lines
        text = text.replaceAll("(?is)<(style|script)[^>]*>.*?</\\1>", "").replaceAll("\\s+", " ");
        text = LINK.matcher(text)
                .replaceAll(link -> Matcher.quoteReplacement(linkText(stripTags(link.group(2)), link.group(1))));
        text = text.replaceAll("(?i)<br\\s*/?>\\s*", "\n")
                .replaceAll("(?i)<li[^>]*>", "\n- ")
                .replaceAll("(?i)</(p|div|h[1-6]|ul|ol|table|tr)>", "\n\n");
        text = HtmlUtils.htmlUnescape(stripTags(text));
        return text.lines()
                        .map(line -> line.replaceAll("[ \\t\\u00a0]+", " ").strip())
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse("")
                        .replaceAll("\n{3,}", "\n\n")
                        .strip()
                + "\n";
    }

    private static String linkText(String text, String href) {
        String url = HtmlUtils.htmlUnescape(href);
        String label = text.replaceAll("\\s+", " ").strip();
        return label.isEmpty() || label.equals(url) ? url : label + ": " + url;
    }

    private static String stripTags(String html) {
        return html.replaceAll("(?s)<[^>]*>", "");
    }
}
