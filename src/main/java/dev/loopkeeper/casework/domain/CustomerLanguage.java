package dev.loopkeeper.casework.domain;

import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * The language a customer's messages are written in, from their response's {@code language} property as survey
 * tools send it ({@code de}, {@code de-AT}, {@code es_MX}): its two or three letters, lower case; none for anything
 * else, so a template is never looked up by a path a response made up.
 */
final class CustomerLanguage {

    private CustomerLanguage() {}

    static String of(String given) {
        if (given == null || given.isBlank() || given.length() > 35) {
            return null;
        }
        try {
            String language = new Locale.Builder()
                    .setLanguageTag(given.strip().replace('_', '-'))
                    .build()
                    .getLanguage();
            return language.matches("[a-z]{2,3}") ? language : null;
        } catch (IllformedLocaleException notALanguage) {
            return null;
        }
    }
}
