package dev.loopkeeper.insight.domain;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The themes compiled for matching, held in memory so that tagging a response on intake's path reads nothing. A
 * change made on this node is seen at once; one made on another node within a poll ({@code retag-poll}). A response
 * tagged meanwhile carries the version it was tagged with, and the retagging job brings it up to date.
 */
@Component
public class TaxonomyCache {

    private final ThemeRows themes;
    private volatile Taxonomy current = new Taxonomy(-1, List.of());

    TaxonomyCache(ThemeRows themes) {
        this.themes = themes;
    }

    public Taxonomy current() {
        Taxonomy taxonomy = current;
        return taxonomy.version() < 0 ? refresh() : taxonomy;
    }

    /** Reads the themes again if their version moved (one small query otherwise). */
    public synchronized Taxonomy refresh() {
        long version = themes.version();
        if (version != current.version()) {
            current = Taxonomy.of(
                    version,
                    themes.all().stream()
                            .map(r -> new Taxonomy.Entry(r.id(), r.name(), r.keywords()))
                            .toList());
        }
        return current;
    }
}
