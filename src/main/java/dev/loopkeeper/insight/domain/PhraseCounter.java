package dev.loopkeeper.insight.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Counts the words and two-word phrases of comments that no theme covers yet: the stretches a theme's keyword
 * matches are left out, and no phrase spans one. A word counts if it is no stop word
 * of the comment's language, has three letters or more and is not a number; a phrase is two such words side by side.
 * Each comment counts a word or phrase once (the count is of comments, not of occurrences).
 */
public final class PhraseCounter {

    /** A comment to count, in its language. */
    public record Comment(UUID responseId, String text, String language) {}

    /** A word or phrase, how many comments use it, and a few of them. */
    public record Phrase(String phrase, String language, int comments, List<Comment> examples) {

        public boolean isTwoWords() {
            return phrase.indexOf(' ') > 0;
        }
    }

    private record Key(String phrase, String language) {}

    private final Languages languages;
    private final Taxonomy taxonomy;
    private final Map<Key, List<Comment>> seen = new HashMap<>();

    public PhraseCounter(Languages languages, Taxonomy taxonomy) {
        this.languages = languages;
        this.taxonomy = taxonomy;
    }

    /** Counts what the comment says outside the stretches a theme's keywords already match. */
    public PhraseCounter count(Comment comment) {
        Set<String> phrases = new LinkedHashSet<>();
        for (String stretch : uncovered(comment)) {
            List<String> words = Languages.words(stretch);
            for (int i = 0; i < words.size(); i++) {
                if (!counts(words.get(i), comment.language())) {
                    continue;
                }
                phrases.add(words.get(i));
                if (i + 1 < words.size() && counts(words.get(i + 1), comment.language())) {
                    phrases.add(words.get(i) + " " + words.get(i + 1));
                }
            }
        }
        for (String phrase : phrases) {
            if (!taxonomy.covers(phrase, comment.language())) {
                seen.computeIfAbsent(new Key(phrase, comment.language()), k -> new ArrayList<>())
                        .add(comment);
            }
        }
        return this;
    }

    /**
     * The most used, at least {@code minimum} comments each, most first; at equal counts a phrase before a word
     * (it says more), then alphabetically.
     */
    public List<Phrase> top(int limit, int minimum, int examples) {
        return seen.entrySet().stream()
                .filter(e -> e.getValue().size() >= minimum)
                .map(e -> new Phrase(
                        e.getKey().phrase(),
                        e.getKey().language(),
                        e.getValue().size(),
                        List.copyOf(e.getValue()
                                .subList(0, Math.min(examples, e.getValue().size())))))
                .sorted(Comparator.comparingInt(Phrase::comments)
                        .reversed()
                        .thenComparing(p -> p.isTwoWords() ? 0 : 1)
                        .thenComparing(Phrase::phrase))
                .limit(limit)
                .toList();
    }

    private List<String> uncovered(Comment comment) {
        String text = comment.text() == null ? "" : comment.text();
        List<String> stretches = new ArrayList<>();
        int at = 0;
        for (Taxonomy.Hit hit : taxonomy.hits(text, comment.language())) {
            stretches.add(text.substring(at, hit.start()));
            at = hit.end();
        }
        stretches.add(text.substring(at));
        return stretches;
    }

    private boolean counts(String word, String language) {
        return word.length() >= 3
                && !word.chars().allMatch(Character::isDigit)
                && !languages.isStopWord(language, word)
                && !word.contains("'");
    }
}
