package dev.loopkeeper.insight;

import dev.loopkeeper.insight.domain.Languages;
import dev.loopkeeper.insight.domain.Taxonomy;
import dev.loopkeeper.insight.domain.TaxonomyCache;
import dev.loopkeeper.insight.domain.Voices;
import dev.loopkeeper.intake.FeedbackReceived;
import dev.loopkeeper.intake.FeedbackRevised;
import dev.loopkeeper.intake.HistoryKept;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tags every response as it comes in, inside intake's transaction: the themes in memory ({@link TaxonomyCache}),
 * one insert of the response and one of its tags; for a response with themes that an open improvement action
 * works on, one query for those actions and one insert of the links. Nothing is read per response otherwise.
 */
@Component
class Tagging {

    /** The survey tool's name for the comment's language, if it gives one. */
    static final String LANGUAGE_PROPERTY = "language";

    private final Voices voices;
    private final TaxonomyCache taxonomy;
    private final Languages languages;
    private final Improvements improvements;

    Tagging(Voices voices, TaxonomyCache taxonomy, Languages languages, Improvements improvements) {
        this.voices = voices;
        this.taxonomy = taxonomy;
        this.languages = languages;
        this.improvements = improvements;
    }

    @EventListener
    void on(FeedbackReceived response) {
        record(List.of(response), true);
    }

    @EventListener
    void on(HistoryKept history) {
        record(history.responses(), false);
    }

    /** The comment changed: its keyword tags follow, unless an agent decided them. */
    @EventListener
    void on(FeedbackRevised revised) {
        voices.find(revised.responseId()).ifPresent(known -> {
            Taxonomy current = taxonomy.current();
            String language = known.language() != null ? known.language() : languages.of(revised.commentAfter(), null);
            voices.revise(
                    revised.responseId(),
                    revised.scoreAfter(),
                    revised.commentAfter(),
                    current.version(),
                    current.themesOf(revised.commentAfter(), language),
                    known.judged());
        });
    }

    private void record(List<FeedbackReceived> responses, boolean openedCases) {
        Taxonomy current = taxonomy.current();
        List<Voices.Voice> voiced = new ArrayList<>(responses.size());
        Map<UUID, Set<UUID>> themes = new LinkedHashMap<>();
        for (FeedbackReceived r : responses) {
            String language = languages.of(
                    r.comment(), r.properties() == null ? null : r.properties().get(LANGUAGE_PROPERTY));
            voiced.add(new Voices.Voice(
                    r.responseId(),
                    r.respondedAt(),
                    r.score(),
                    r.comment(),
                    language,
                    r.customer().externalId(),
                    r.customer().lifetimeValue(),
                    openedCases));
            Set<UUID> found = current.themesOf(r.comment(), language);
            if (!found.isEmpty()) {
                themes.put(r.responseId(), found);
            }
        }
        voices.insert(voiced, current.version(), themes);
        if (openedCases && !themes.isEmpty()) {
            improvements.linkToOpenActions(new HashMap<>(themes));
        }
    }
}
