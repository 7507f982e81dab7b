package dev.loopkeeper.insight.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The languages comments are read in, each with its stop words ({@code insight/stopwords/LANG.txt}). A comment's
 * language is the one the survey tool named, else the one whose stop words it uses most, else the default.
 */
public final class Languages {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}']+");

    private final Map<String, Set<String>> stopWords = new LinkedHashMap<>();
    private final String fallback;

    public Languages(List<String> languages, String fallback) {
        for (String language : languages) {
            stopWords.put(language, load(language));
        }
        if (!stopWords.containsKey(fallback)) {
            throw new IllegalArgumentException("The default language " + fallback + " is not among " + languages);
        }
        this.fallback = fallback;
    }

    public List<String> all() {
        return List.copyOf(stopWords.keySet());
    }

    public String fallback() {
        return fallback;
    }

    public boolean isStopWord(String language, String word) {
        return stopWords.getOrDefault(language, Set.of()).contains(word);
    }

    /** The comment's words, lower case, in order, apostrophes kept inside a word ("didn't"). */
    public static List<String> words(String comment) {
        if (comment == null || comment.isBlank()) {
            return List.of();
        }
        return Arrays.stream(WORDS.split(comment.toLowerCase(Locale.ROOT)))
                .map(w -> w.replaceAll("^'+|'+$", ""))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /**
     * @param named the language the survey tool gave (a property {@code language}), if any: "de", "de-AT", "DE"
     */
    public String of(String comment, String named) {
        if (named != null && !named.isBlank()) {
            String language = named.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (stopWords.containsKey(language)) {
                return language;
            }
        }
        List<String> words = words(comment);
        String best = fallback;
        long bestCount = 0;
        for (Map.Entry<String, Set<String>> language : stopWords.entrySet()) {
            long count = words.stream().filter(language.getValue()::contains).count();
            if (count > bestCount) {
                best = language.getKey();
                bestCount = count;
            }
        }
        return best;
    }

    private static Set<String> load(String language) {
        String path = "/insight/stopwords/" + language + ".txt";
        try (InputStream in = Languages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No stop words for language " + language + " (" + path + ")");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    words.addAll(Arrays.asList(line.strip().split("\\s+")));
                }
            }
            words.remove("");
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
