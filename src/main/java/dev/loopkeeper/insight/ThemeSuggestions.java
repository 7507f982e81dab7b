package dev.loopkeeper.insight;

import dev.loopkeeper.insight.domain.Languages;
import dev.loopkeeper.insight.domain.PhraseCounter;
import dev.loopkeeper.insight.domain.TaxonomyCache;
import dev.loopkeeper.insight.domain.Voices;
import dev.loopkeeper.sharedkernel.Actor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Words and two-word phrases that recent detractors and passives use often and no theme covers yet: candidates for
 * new themes. Counted over the latest comments of the window ({@code loopkeeper.insight.suggestions}), without the
 * stop words of each comment's language; a count is of comments, each counted once.
 */
@Service
@Transactional(readOnly = true)
public class ThemeSuggestions {

    /** A comment that uses the phrase, shortened around it. */
    public record Example(UUID responseId, String excerpt) {}

    /** A candidate theme. */
    public record Suggestion(String phrase, String language, int comments, List<Example> examples) {}

    private final Voices voices;
    private final TaxonomyCache taxonomy;
    private final Languages languages;
    private final Themes themes;
    private final InsightSettings settings;
    private final Clock clock;

    ThemeSuggestions(
            Voices voices,
            TaxonomyCache taxonomy,
            Languages languages,
            Themes themes,
            InsightSettings settings,
            Clock clock) {
        this.voices = voices;
        this.taxonomy = taxonomy;
        this.languages = languages;
        this.themes = themes;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the suggestions are made of (how many comments of how many days, how often a phrase), for the screen. */
    public InsightSettings.Suggestions basis() {
        return settings.suggestions();
    }

    public List<Suggestion> suggestions() {
        InsightSettings.Suggestions s = settings.suggestions();
        PhraseCounter counter = new PhraseCounter(languages, taxonomy.current());
        voices.critical(clock.instant().minus(s.window()), s.sample())
                .forEach(c -> counter.count(
                        c.language() == null
                                ? new PhraseCounter.Comment(c.responseId(), c.text(), languages.fallback())
                                : c));
        return counter.top(s.limit(), s.minimum(), 3).stream()
                .map(p -> new Suggestion(
                        p.phrase(),
                        p.language(),
                        p.comments(),
                        p.examples().stream()
                                .map(c -> new Example(c.responseId(), excerpt(c.text(), p.phrase())))
                                .toList()))
                .toList();
    }

    /** One click: a theme named after the phrase, with the phrase as its keyword in its language. */
    @Transactional
    public UUID adopt(Suggestion suggestion, Actor by) {
        String name = Character.toUpperCase(suggestion.phrase().charAt(0))
                + suggestion.phrase().substring(1);
        return themes.create(
                new ThemeDraft(name, by.userId(), Map.of(suggestion.language(), List.of(suggestion.phrase()))), by);
    }

    static String excerpt(String comment, String phrase) {
        String lower = comment.toLowerCase();
        int at = lower.indexOf(phrase.split(" ")[0]);
        int from = Math.max(0, at - 60);
        int to = Math.min(comment.length(), Math.max(at, 0) + phrase.length() + 60);
        return (from > 0 ? "…" : "") + comment.substring(from, to).strip() + (to < comment.length() ? "…" : "");
    }
}
