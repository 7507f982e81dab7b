package dev.loopkeeper.insight.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The themes at one version, compiled for matching. A keyword matches at the start of a word and takes the rest of
 * that word with it, so "refund" finds "refunds" and "refunded"; a phrase's words may be split by any spaces.
 */
public record Taxonomy(long version, List<Signal> signals) {

    /** One keyword of a theme, in one language. */
    public record Signal(UUID themeId, String themeName, String language, String phrase, Pattern pattern) {}

    /** A stretch of a comment that a keyword matched. */
    public record Hit(int start, int end, UUID themeId, String themeName) {}

    /** A theme and its keywords per language, as stored. */
    public record Entry(UUID themeId, String name, Map<String, List<String>> keywords) {}

    public static Taxonomy of(long version, List<Entry> themes) {
        List<Signal> signals = new ArrayList<>();
        for (Entry theme : themes) {
            theme.keywords()
                    .forEach((language, phrases) -> phrases.forEach(phrase ->
                            signals.add(new Signal(theme.themeId(), theme.name(), language, phrase, pattern(phrase)))));
        }
        return new Taxonomy(version, List.copyOf(signals));
    }

    public static Pattern pattern(String phrase) {
        String[] words = phrase.strip().toLowerCase(Locale.ROOT).split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        regex.append("[\\p{L}]*");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The themes the comment speaks of in its language, in the order they first appear. */
    public Set<UUID> themesOf(String comment, String language) {
        Set<UUID> found = new LinkedHashSet<>();
        hits(comment, language).forEach(hit -> found.add(hit.themeId()));
        return found;
    }

    /** Every keyword's matches in the comment, the longer first where two start together, none overlapping. */
    public List<Hit> hits(String comment, String language) {
        if (comment == null || comment.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (Signal signal : signals) {
            if (language != null && !signal.language().equals(language)) {
                continue;
            }
            Matcher m = signal.pattern().matcher(comment);
            while (m.find()) {
                hits.add(new Hit(m.start(), m.end(), signal.themeId(), signal.themeName()));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(h -> -h.end()));
        List<Hit> kept = new ArrayList<>();
        int at = 0;
        for (Hit hit : hits) {
            if (hit.start() >= at) {
                kept.add(hit);
                at = hit.end();
            }
        }
        return kept;
    }

    /** Whether a keyword of the language already covers the phrase (or a word of it). */
    public boolean covers(String phrase, String language) {
        return signals.stream()
                .filter(s -> s.language().equals(language))
                .anyMatch(s -> s.pattern().matcher(phrase).find());
    }
}
