package dev.loopkeeper.survey;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The survey's fixed words in the customer's language, from {@code survey/messages[_LANG].properties}: the question,
 * the answer and thank-you pages, the unsubscribe line every message ends with. English where a word is missing.
 */
@Component
public class SurveyPhrases {

    /** The languages the pages speak; templates may be written in others too. */
    public static final List<String> LANGUAGES = List.of("en", "de", "es");

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    SurveyPhrases() {
        messages.setBasename("survey/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /** The locale of one of our languages; English for any other, or none. */
    public Locale locale(String language) {
        return language != null && LANGUAGES.contains(language.toLowerCase(Locale.ROOT))
                ? Locale.forLanguageTag(language.toLowerCase(Locale.ROOT))
                : Locale.ENGLISH;
    }

    public String get(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    public MessageSource source() {
        return messages;
    }
}
