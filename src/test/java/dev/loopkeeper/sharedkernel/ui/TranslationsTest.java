package dev.loopkeeper.sharedkernel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The staff UI's words are complete in every language: the same keys in German and Spanish as in English, none
 * empty, the same placeholders; every key the code asks for by name exists (also in words a service hands over:
 * {@code Words.of("…")}, {@code Reason.of("…", "…")}); every menu entry is translated.
 */
class TranslationsTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:(?:getTranslation|translate)\\(\\s*(?:[\\w.]+\\s*,\\s*)?|Words\\.of\\(\\s*|Reason\\.of\\(\\s*\"[^\"]*\"\\s*,\\s*)"
                    + "\"([a-z0-9][\\w.-]*)\"\\s*[,)]");

    private final Map<String, Map<String, String>> english = Translations.bundles(Translations.ENGLISH);

    @Test
    void everyLanguageHasEveryKeyOfEveryBundleWithItsPlaceholders() {
        assertThat(english).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Locale language : List.of(Translations.GERMAN, Translations.SPANISH)) {
            Map<String, Map<String, String>> translated = Translations.bundles(language);
            english.forEach((bundle, words) -> {
                Map<String, String> other = translated.getOrDefault(bundle, Map.of());
                words.forEach((key, text) -> {
                    String theirs = other.get(key);
                    if (theirs == null || theirs.isBlank()) {
                        problems.add(language + " lacks " + bundle + ": " + key);
                    } else if (!placeholders(text).equals(placeholders(theirs))) {
                        problems.add(language + " has other placeholders in " + bundle + ": " + key);
                    }
                });
                other.keySet().stream()
                        .filter(key -> !words.containsKey(key))
                        .forEach(key -> problems.add(language + " has a key English lacks in " + bundle + ": " + key));
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void englishWordsAreNeverBlankAndEachBundleKeepsItsOwnKeys() {
        List<String> problems = new ArrayList<>();
        english.forEach((bundle, words) -> words.forEach((key, text) -> {
            if (text.isBlank()) {
                problems.add(bundle + ": " + key + " is blank");
            }
            if (!key.startsWith(bundle + ".") && !key.startsWith("menu.")) {
                problems.add(bundle + ": " + key + " does not start with " + bundle + ".");
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExistsInEnglish() throws IOException {
        Set<String> keys = english.values().stream()
                .flatMap(words -> words.keySet().stream())
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher named = KEY_IN_CODE.matcher(Files.readString(source));
                while (named.find()) {
                    if (!keys.contains(named.group(1))) {
                        missing.add(source.getFileName() + ": " + named.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMenuEntryIsTranslated() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        Set<String> untranslated = new TreeSet<>();
        Translations translations = new Translations();
        for (BeanDefinition view : scanner.findCandidateComponents("dev.loopkeeper")) {
            Route route = Class.forName(view.getBeanClassName()).getAnnotation(Route.class);
            String path = route.value().replaceFirst("^/", "");
            String key = "menu." + (path.isEmpty() ? "start" : path.replace('/', '.'));
            if (!translations.has(key)) {
                untranslated.add(view.getBeanClassName() + ": " + key);
            }
        }
        assertThat(untranslated).isEmpty();
    }

    @Test
    void parametersAreFilledInTheLanguagesWayAndApostrophesStay() {
        assertThat(Translations.fill("{0} customer's cases in {1}", Translations.GERMAN, 1234, "Madrid"))
                .isEqualTo("1.234 customer's cases in Madrid");
        assertThat(Translations.fill("{0} cases", Translations.ENGLISH, 1234)).isEqualTo("1,234 cases");
        assertThat(new Translations().getTranslation("sharedkernel.log-out", Locale.forLanguageTag("de-AT")))
                .isEqualTo("Abmelden");
        assertThat(new Translations().getTranslation("sharedkernel.log-out", Locale.JAPANESE))
                .isEqualTo("Log out");
        assertThat(new Translations().getTranslation("no.such.key", Locale.ENGLISH))
                .isEqualTo("!no.such.key!");
    }

    private static Set<String> placeholders(String text) {
        Matcher placeholder = Translations.PLACEHOLDER.matcher(text);
        Set<String> found = new TreeSet<>();
        while (placeholder.find()) {
            found.add(placeholder.group());
        }
        return found;
    }
}
