package dev.loopkeeper.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A theme as a process owner writes it. Keywords are trimmed, lower-cased and deduplicated; a keyword matches at
 * the start of a word ("refund" finds "refunded") and may be a phrase of several words.
 */
public record ThemeDraft(String name, String owner, Map<String, List<String>> keywords) {

    public ThemeDraft {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A theme needs a name");
        }
        name = name.strip();
        if (name.length() > 80) {
            throw new IllegalArgumentException("Keep a theme's name under 80 characters");
        }
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        Map<String, List<String>> clean = new LinkedHashMap<>();
        if (keywords != null) {
            keywords.forEach((language, phrases) -> {
                TreeSet<String> kept = new TreeSet<>();
                for (String phrase : phrases == null ? List.<String>of() : phrases) {
                    String p = phrase == null
                            ? ""
                            : phrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                    if (p.length() > 80) {
                        throw new IllegalArgumentException("Keep a keyword under 80 characters: " + p);
                    }
                    if (p.length() >= 2) {
                        kept.add(p);
                    }
                }
                if (!kept.isEmpty()) {
                    clean.put(language.strip().toLowerCase(Locale.ROOT), new ArrayList<>(kept));
                }
            });
        }
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("A theme needs at least one keyword of two letters or more");
        }
        keywords = Map.copyOf(clean);
    }

    /** Keywords typed one per line or separated by commas. */
    public static List<String> phrases(String typed) {
        return typed == null ? List.of() : List.of(typed.split("[,\\n]"));
    }
}
