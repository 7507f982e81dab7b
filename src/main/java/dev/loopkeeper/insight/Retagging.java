package dev.loopkeeper.insight;

import dev.loopkeeper.insight.domain.Languages;
import dev.loopkeeper.insight.domain.Taxonomy;
import dev.loopkeeper.insight.domain.TaxonomyCache;
import dev.loopkeeper.insight.domain.ThemeRows;
import dev.loopkeeper.insight.domain.Voices;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retags, in the background, the responses tagged before the themes last changed (and those stored before themes
 * existed): on whichever node holds the taxonomy's lease, in batches that each commit whole, so the progress is
 * read from the database and a restart goes on where the last batch ended. A response an agent judged keeps its
 * themes: it only learns its language and week.
 */
@Component
class Retagging {

    private static final Logger log = LoggerFactory.getLogger(Retagging.class);
    static final int BATCH = 500;
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final ThemeRows themes;
    private final Voices voices;
    private final TaxonomyCache taxonomy;
    private final Languages languages;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String node;

    Retagging(
            ThemeRows themes,
            Voices voices,
            TaxonomyCache taxonomy,
            Languages languages,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.themes = themes;
        this.voices = voices;
        this.taxonomy = taxonomy;
        this.languages = languages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Scheduled(
            fixedDelayString = "${loopkeeper.insight.retag-poll:PT2S}",
            initialDelayString = "${loopkeeper.insight.retag-poll:PT2S}")
    void poll() {
        try {
            taxonomy.refresh();
            runPending();
        } catch (RuntimeException failed) {
            log.warn("Retagging failed; the next poll tries again", failed);
        }
    }

    /** Retags until every response is tagged with the latest themes; returns how many it retagged. */
    int runPending() {
        if (voices.taggedBefore(themes.version(), 1).isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        if (!Boolean.TRUE.equals(transaction.execute(s -> themes.lease(node, now, now.plus(LEASE))))) {
            return 0;
        }
        int done = 0;
        try {
            while (true) {
                Integer batch = transaction.execute(s -> batch());
                if (batch == null || batch == 0) {
                    break;
                }
                done += batch;
            }
        } finally {
            transaction.executeWithoutResult(s -> themes.release(node));
        }
        if (done > 0) {
            log.info("Retagged {} responses with the themes of version {}", done, themes.version());
        }
        return done;
    }

    private int batch() {
        Instant now = clock.instant();
        if (!themes.lease(node, now, now.plus(LEASE))) {
            return 0;
        }
        Taxonomy current = taxonomy.refresh();
        List<Voices.Untagged> batch = voices.taggedBefore(current.version(), BATCH);
        Map<UUID, String> language = new HashMap<>();
        Map<UUID, Set<UUID>> tags = new HashMap<>();
        for (Voices.Untagged u : batch) {
            String lang = u.language() != null ? u.language() : languages.of(u.comment(), null);
            language.put(u.responseId(), lang);
            if (!u.judged()) {
                tags.put(u.responseId(), current.themesOf(u.comment(), lang));
            }
        }
        voices.retagged(batch, language, tags, current.version());
        return batch.size();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
