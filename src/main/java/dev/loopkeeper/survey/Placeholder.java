package dev.loopkeeper.survey;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The only things a survey template may say that it does not spell out: a fixed list, each filled by our code with a
 * value (escaped for HTML in an email), and each allowed in the parts where it makes sense. Nothing else in a
 * template is ever interpreted.
 */
public enum Placeholder {
    CUSTOMER_NAME("customer.name", "the customer's full name", TemplatePart.all()),
    CUSTOMER_FIRST_NAME("customer.firstName", "the first word of the customer's name", TemplatePart.all()),
    COMPANY("company", "our company's name (loopkeeper.surveys.company)", TemplatePart.all()),
    QUESTION("question", "the recommendation question, in the template's language", TemplatePart.all()),
    TOUCHPOINT("touchpoint", "what the survey follows, e.g. installation", TemplatePart.all()),
    SCORE_LINKS("scoreLinks", "the eleven one-click scores 0 to 10", EnumSet.of(TemplatePart.EMAIL_BODY)),
    ANSWER_LINK(
            "answerLink", "the link to the answer page", EnumSet.of(TemplatePart.EMAIL_BODY, TemplatePart.SMS_TEXT));

    private final String key;
    private final String meaning;
    private final Set<TemplatePart> allowedIn;

    Placeholder(String key, String meaning, Set<TemplatePart> allowedIn) {
        this.key = key;
        this.meaning = meaning;
        this.allowedIn = allowedIn;
    }

    /** What a template writes between the braces: {@code customer.firstName}. */
    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    /** The key of its meaning in the screens' words: {@code survey.placeholder.score-links}. */
    public String wordsKey() {
        return "survey.placeholder." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isAllowedIn(TemplatePart part) {
        return allowedIn.contains(part);
    }

    public static Optional<Placeholder> of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
