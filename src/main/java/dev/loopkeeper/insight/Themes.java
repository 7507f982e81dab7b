package dev.loopkeeper.insight;

import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.insight.domain.Languages;
import dev.loopkeeper.insight.domain.Taxonomy;
import dev.loopkeeper.insight.domain.TaxonomyCache;
import dev.loopkeeper.insight.domain.ThemeRows;
import dev.loopkeeper.insight.domain.Voices;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The taxonomy of recurring themes in customers' comments: kept in the database, edited by process owners in the
 * browser, seeded once from {@code loopkeeper.insight.themes}. Every change raises the taxonomy's version, and the
 * responses tagged before it are retagged in the background ({@link #retagging()} says how far that has come).
 */
@Service
@Transactional
public class Themes {

    private static final Logger log = LoggerFactory.getLogger(Themes.class);

    /** A stretch of a comment, and the theme it signals (null for plain text). */
    public record Span(String text, String theme) {}

    private final ThemeRows rows;
    private final Voices voices;
    private final TaxonomyCache taxonomy;
    private final Languages languages;
    private final Directory directory;
    private final InsightSettings settings;
    private final Clock clock;

    Themes(
            ThemeRows rows,
            Voices voices,
            TaxonomyCache taxonomy,
            Languages languages,
            Directory directory,
            InsightSettings settings,
            Clock clock) {
        this.rows = rows;
        this.voices = voices;
        this.taxonomy = taxonomy;
        this.languages = languages;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /** The first themes from the settings, once, on an empty taxonomy; a second node that races us loses quietly. */
    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        if (!rows.isEmpty() || settings.themes().isEmpty()) {
            return;
        }
        try {
            settings.themes().forEach((name, words) -> {
                UUID id = UUID.randomUUID();
                rows.insert(id, name, null, "loopkeeper", clock.instant());
                rows.replaceKeywords(id, new ThemeDraft(name, null, Map.of(languages.fallback(), words)).keywords());
            });
            rows.raiseVersion(clock.instant());
            taxonomy.refresh();
        } catch (DataIntegrityViolationException raced) {
            log.info("Another node stored the first themes");
        }
    }

    @Transactional(readOnly = true)
    public List<ThemeView> list() {
        return rows.all().stream().map(Themes::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ThemeView> find(UUID id) {
        return rows.find(id).map(Themes::view);
    }

    /** The languages comments are read in; the first is the default. */
    public List<String> languages() {
        List<String> all = new ArrayList<>(languages.all());
        all.remove(languages.fallback());
        all.add(0, languages.fallback());
        return all;
    }

    public UUID create(ThemeDraft draft, Actor by) {
        check(draft, null, by);
        UUID id = UUID.randomUUID();
        rows.insert(id, draft.name(), draft.owner(), by.userId(), clock.instant());
        rows.replaceKeywords(id, draft.keywords());
        changed();
        return id;
    }

    public void update(UUID id, ThemeDraft draft, Actor by) {
        check(draft, id, by);
        rows.find(id).orElseThrow(() -> new IllegalArgumentException("No theme " + id));
        rows.update(id, draft.name(), draft.owner());
        rows.replaceKeywords(id, draft.keywords());
        changed();
    }

    /** Removes the theme and its tags, agents' included; actions that started from it keep their cases. */
    public void delete(UUID id, Actor by) {
        mayEdit(by);
        voices.forgetTheme(id);
        rows.delete(id);
        changed();
    }

    @Transactional(readOnly = true)
    public RetagProgress retagging() {
        long version = rows.version();
        return new RetagProgress(version, voices.count(), voices.countTaggedBefore(version));
    }

    /** The comment cut into plain and themed stretches, in order; joined they give the comment back. */
    @Transactional(readOnly = true)
    public List<Span> highlight(String comment) {
        if (comment == null || comment.isEmpty()) {
            return List.of();
        }
        Taxonomy current = taxonomy.current();
        List<Span> spans = new ArrayList<>();
        int at = 0;
        for (Taxonomy.Hit hit : current.hits(comment, languages.of(comment, null))) {
            if (hit.start() > at) {
                spans.add(new Span(comment.substring(at, hit.start()), null));
            }
            spans.add(new Span(comment.substring(hit.start(), hit.end()), hit.themeName()));
            at = hit.end();
        }
        if (at < comment.length()) {
            spans.add(new Span(comment.substring(at), null));
        }
        return spans;
    }

    private void check(ThemeDraft draft, UUID id, Actor by) {
        mayEdit(by);
        if (rows.nameTaken(draft.name(), id)) {
            throw new Refusal(
                    "There is a theme called " + draft.name() + " already",
                    Words.of("insight.refused.theme-exists", draft.name()));
        }
        if (draft.owner() != null && !directory.isUser(draft.owner())) {
            throw new Refusal(
                    "No user " + draft.owner() + " to own the theme",
                    Words.of("insight.refused.no-theme-owner", draft.owner()));
        }
        for (String language : draft.keywords().keySet()) {
            if (!languages.all().contains(language)) {
                throw new IllegalArgumentException(
                        "Comments are not read in " + language + "; only in " + String.join(", ", languages.all()));
            }
        }
    }

    private static void mayEdit(Actor by) {
        if (!by.mayChangeModels()) {
            throw new Refusal(
                    "Only process owners and admins change the themes", Words.of("insight.refused.not-allowed"));
        }
    }

    /** Every response is to be retagged with the new themes; this node sees them at once, the others soon. */
    private void changed() {
        rows.raiseVersion(clock.instant());
        taxonomy.refresh();
    }

    private static ThemeView view(ThemeRows.Row r) {
        return new ThemeView(r.id(), r.name(), r.owner(), r.keywords(), r.createdBy(), r.createdAt(), r.spiking());
    }
}
