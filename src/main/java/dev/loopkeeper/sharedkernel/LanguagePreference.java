package dev.loopkeeper.sharedkernel;

import java.util.Locale;
import java.util.Optional;

/** The language a user chose for the staff screens, kept by the identity module; their browser's until they choose. */
public interface LanguagePreference {

    Optional<Locale> languageOf(String userId);

    void chooseLanguage(String userId, Locale language);
}
