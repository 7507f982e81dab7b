package dev.loopkeeper.insight;

import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
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
            throw new Refusal("A theme needs a name", Words.of("insight.refused.theme-name"));
        }
        name = name.strip();
        if (name.length() > 80) {
            throw new Refusal("Keep a theme's name under 80 characters", Words.of("insight.refused.theme-name-long"));
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
                        throw new Refusal(
                                "Keep a keyword under 80 characters: " + p,
                                Words.of("insight.refused.keyword-long", p));
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
            throw new Refusal(
                    "A theme needs at least one keyword of two letters or more", Words.of("insight.refused.keywords"));
        }
        keywords = Map.copyOf(clean);
    }

    /** Keywords typed one per line or separated by commas. */
    public static List<String> phrases(String typed) {
        return typed == null ? List.of() : List.of(typed.split("[,\\n]"));
    }
}
