package dev.loopkeeper.survey;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Lays out a survey email around a template's words: paragraphs at blank lines, the eleven scores as buttons, every
 * word and value escaped for HTML, and the unsubscribe line at the end. The layout is ours, so a template cannot
 * break it, hide the unsubscribe link or add markup of its own.
 */
final class SurveyEmail {

    private static final Pattern PARAGRAPHS = Pattern.compile("\\R\\s*\\R");
    private static final String BODY_STYLE =
            "font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2933;";
    private static final String SCORE_STYLE = "display: inline-block; min-width: 26px; padding: 8px 4px;"
            + " text-align: center; background: #e8f0fe; color: #1a3d8f; text-decoration: none;"
            + " border-radius: 4px; font-weight: bold;";

    private final SurveyPhrases phrases;
    private final Locale locale;
    private final Map<Placeholder, String> values;
    private final List<URI> scores;
    private final URI answer;
    private final URI unsubscribe;

    SurveyEmail(
            SurveyPhrases phrases,
            Locale locale,
            Map<Placeholder, String> values,
            List<URI> scores,
            URI answer,
            URI unsubscribe) {
        this.phrases = phrases;
        this.locale = locale;
        this.values = values;
        this.scores = scores;
        this.answer = answer;
        this.unsubscribe = unsubscribe;
    }

    /** A header: one line, nothing but text. */
    String subject(TemplateText subject) {
        return text(subject).replaceAll("\\s+", " ").strip();
    }

    /** Words and values as they are, links as addresses: for a text message and the email's plain part. */
    String text(TemplateText template) {
        return template.render(words -> words, slot -> switch (slot.placeholder()) {
            case SCORE_LINKS -> {
                StringBuilder lines = new StringBuilder("\n");
                for (int score = 0; score < scores.size(); score++) {
                    lines.append(score).append(": ").append(scores.get(score)).append('\n');
                }
                yield lines.toString();
            }
            case ANSWER_LINK -> answer.toString();
            default -> valueOf(slot);
        });
    }

    /** The email's plain-text part. */
    String text(String body) {
        return text(TemplateText.of(body, TemplatePart.EMAIL_BODY)).strip().replaceAll("\n{3,}", "\n\n")
                + "\n\n" + phrases.get("email.unsubscribe.lead", locale) + " "
                + phrases.get("email.unsubscribe", locale) + ": " + unsubscribe + "\n";
    }

    String html(String body, String subject, String language) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"")
                .append(escape(language))
                .append("\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(escape(subject))
                .append("</title>\n</head>\n<body style=\"")
                .append(BODY_STYLE)
                .append("\">\n");
        for (String paragraph : PARAGRAPHS.split(body.strip())) {
            TemplateText words = TemplateText.of(paragraph.strip(), TemplatePart.EMAIL_BODY);
            boolean block = words.pieces().stream()
                    .anyMatch(piece ->
                            piece instanceof TemplateText.Slot slot && slot.placeholder() == Placeholder.SCORE_LINKS);
            String tag = block ? "div" : "p";
            html.append('<')
                    .append(tag)
                    .append('>')
                    .append(words.render(w -> escape(w).replaceAll("\\R", "<br>\n"), this::htmlOf))
                    .append("</")
                    .append(tag)
                    .append(">\n");
        }
        return html.append("<p style=\"font-size: 12px; color: #5b6675;\">")
                .append(escape(phrases.get("email.unsubscribe.lead", locale)))
                .append(" <a href=\"")
                .append(escape(unsubscribe.toString()))
                .append("\" style=\"color: #5b6675;\">")
                .append(escape(phrases.get("email.unsubscribe", locale)))
                .append("</a></p>\n</body>\n</html>\n")
                .toString();
    }

    private String htmlOf(TemplateText.Slot slot) {
        return switch (slot.placeholder()) {
            case QUESTION -> "<strong>" + escape(valueOf(slot)) + "</strong>";
            case ANSWER_LINK -> link(answer, phrases.get("email.answer", locale), "color: #1a3d8f;");
            case SCORE_LINKS -> scoreButtons();
            default -> escape(valueOf(slot));
        };
    }

    private String scoreButtons() {
        StringBuilder table =
                new StringBuilder("<table role=\"presentation\" cellspacing=\"0\" cellpadding=\"0\"><tr>\n");
        for (int score = 0; score < scores.size(); score++) {
            table.append("  <td style=\"padding: 2px;\">")
                    .append(link(scores.get(score), Integer.toString(score), SCORE_STYLE))
                    .append("</td>\n");
        }
        return table.append("</tr></table>\n<p style=\"font-size: 13px; color: #52606d;\">")
                .append(escape(phrases.get("scores.ends", locale)))
                .append("</p>")
                .toString();
    }

    private String valueOf(TemplateText.Slot slot) {
        String value = values.getOrDefault(slot.placeholder(), "");
        return value == null || value.isBlank() ? slot.fallback() : value;
    }

    private static String link(URI href, String text, String style) {
        return "<a href=\"" + escape(href.toString()) + "\" style=\"" + style + "\">" + escape(text) + "</a>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
