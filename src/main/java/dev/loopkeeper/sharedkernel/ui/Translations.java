package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.i18n.I18NProvider;
import dev.loopkeeper.sharedkernel.Words;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The words of the staff UI in English, German and Spanish. Each module keeps its own bundle,
 * {@code i18n/<module>.properties} (English) beside {@code _de} and {@code _es}, with keys that start with the
 * module's name, so that a feature's words live with it; this provider reads them all once at start. A key a
 * language lacks falls back to English (a test keeps the languages complete); a key nobody has shows as
 * {@code !key!} so that it is seen, not guessed.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale GERMAN = Locale.GERMAN;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final List<Locale> LANGUAGES = List.of(ENGLISH, GERMAN, SPANISH);

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    public Translations() {
        for (Locale language : LANGUAGES) {
            byLanguage.put(language.getLanguage(), read(language));
        }
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LANGUAGES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = supported(locale);
        String pattern = byLanguage.get(language.getLanguage()).get(key);
        if (pattern == null) {
            pattern = byLanguage.get(ENGLISH.getLanguage()).get(key);
        }
        if (pattern == null) {
            log.warn("No translation for {}", key);
            return "!" + key + "!";
        }
        return params.length == 0 ? pattern : fill(pattern, language, params);
    }

    /**
     * {0}, {1}… replaced by the parameters, numbers written the language's way. Not {@link java.text.MessageFormat}:
     * its quoting would eat the apostrophes of words like "customer's" in some strings and not in others.
     */
    static String fill(String pattern, Locale language, Object... params) {
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder words = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            Object value = index < params.length ? params[index] : placeholder.group();
            String text = value instanceof Number number
                    ? NumberFormat.getInstance(language).format(number)
                    : String.valueOf(value);
            placeholder.appendReplacement(words, Matcher.quoteReplacement(text));
        }
        placeholder.appendTail(words);
        return words.toString();
    }

    /**
     * Says the words in the current UI's language: nested words first, times as the user reads them ({@link
     * Times#format}); other parameters as they are.
     */
    public static String say(Words words) {
        Object[] params = words.params().stream()
                .map(param -> param instanceof Words nested
                        ? say(nested)
                        : param instanceof java.time.Instant at ? Times.format(at) : param)
                .toArray();
        return I18NProvider.translate(words.key(), params);
    }

    /** Whether English has the key, for words that are sometimes translated (menu titles) and sometimes not. */
    public boolean has(String key) {
        return byLanguage.get(ENGLISH.getLanguage()).containsKey(key);
    }

    /** The language among ours closest to the one asked for; English for any other. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return ENGLISH;
        }
        return LANGUAGES.stream()
                .filter(language -> language.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(ENGLISH);
    }

    /** Every key and its words in one language, by bundle file name: what the completeness test compares. */
    static Map<String, Map<String, String>> bundles(Locale language) {
        Map<String, Map<String, String>> bundles = new TreeMap<>();
        String suffix = language.equals(ENGLISH) ? "" : "_" + language.getLanguage();
        for (Resource resource : resources()) {
            String name = resource.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            String base = name.substring(0, name.length() - ".properties".length());
            Resource translated = suffix.isEmpty() ? resource : sibling(resource, base + suffix + ".properties");
            bundles.put(base, translated == null || !translated.exists() ? Map.of() : load(translated));
        }
        return bundles;
    }

    private static Map<String, String> read(Locale language) {
        Map<String, String> all = new HashMap<>();
        bundles(language).values().forEach(all::putAll);
        return all;
    }

    private static Resource[] resources() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resource sibling(Resource resource, String name) {
        try {
            return resource.createRelative(name);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> load(Resource resource) {
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> words = new HashMap<>();
        Set<String> names = properties.stringPropertyNames();
        names.forEach(key -> words.put(key, properties.getProperty(key)));
        return words;
    }
}
