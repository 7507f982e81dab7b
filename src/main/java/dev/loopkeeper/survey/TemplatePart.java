package dev.loopkeeper.survey;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

/** The parts of a survey template a process owner writes, with what each must contain and how long it may be. */
public enum TemplatePart {
    EMAIL_SUBJECT("Email subject", 200),
    EMAIL_BODY("Email text", 4000),
    SMS_TEXT("Text message", 300);

    private final String label;
    private final int maxLength;

    TemplatePart(String label, int maxLength) {
        this.label = label;
        this.maxLength = maxLength;
    }

    public String label() {
        return label;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Its name in the screens' words: {@code survey.part.email-subject}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The placeholder without which the message asks nothing: the scores of an email, the link of a text. */
    public Optional<Placeholder> required() {
        // a method, not a field: the two enums refer to each other, and a field would be read half-initialised
        return switch (this) {
            case EMAIL_SUBJECT -> Optional.empty();
            case EMAIL_BODY -> Optional.of(Placeholder.SCORE_LINKS);
            case SMS_TEXT -> Optional.of(Placeholder.ANSWER_LINK);
        };
    }

    static EnumSet<TemplatePart> all() {
        return EnumSet.allOf(TemplatePart.class);
    }
}
