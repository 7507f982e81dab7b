package dev.loopkeeper.sharedkernel.persistence;

import java.time.Instant;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The UTC days whose responses, cases or SLA breaches changed, marked by whoever changed them in the same
 * transaction, so that the reports' counts per hour and day ({@code reporting}) are counted again before they are
 * read. A writer of {@code feedback_response}, {@code response_property}, {@code follow_up_case},
 * {@code contact_attempt}, {@code resolution}, {@code case_participant} or {@code sla_breach} marks the day of the
 * row's own time (a case's and its children's: when it opened); the entities are marked by {@code reporting}'s
 * listener on Hibernate's events, the rows written in SQL by their writers.
 *
 * <p>The marks of a transaction are written once each, just before it commits: a mark row is locked from then to
 * the commit only, so concurrent writers of the same day do not queue for long.
 */
@Component
public class ChangedDays {

    /**
     * What changed: the responses (NPS), the cases (the loop's figures), the SLA breaches; revenue at risk, which
     * follows the responses and their customers, is marked by the reports' own count, never by a writer.
     */
    public enum Kind {
        RESPONSES,
        CASES,
        BREACHES,
        REVENUE;

        public String column() {
            return name().toLowerCase();
        }
    }

    /**
     * H2 has no insert-if-absent; its merge locks the row, which only a recount also wants (it skips locked marks).
     */
    private static final String MARK_H2 =
            "merge into report_dirty_day (kind, day_no) key (kind, day_no)" + " values (:kind, :day)";

    /** A mark already there is share-locked, not written: concurrent writers of one day do not wait for each other. */
    private static final String MARK_MARIADB =
            "insert ignore into report_dirty_day (kind, day_no) values (:kind, :day)";

    private final NamedParameterJdbcTemplate db;
    private final String mark;

    ChangedDays(NamedParameterJdbcTemplate db, DatabaseProduct database) {
        this.db = db;
        this.mark = database.isH2() ? MARK_H2 : MARK_MARIADB;
    }

    public static long dayOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 86_400L);
    }

    /** The day of {@code at} changed for {@code kind}; written before the transaction commits (or now, without one). */
    public void mark(Kind kind, Instant at) {
        mark(kind, at, false);
    }

    /**
     * The same, written now: for a change made while the transaction commits (Hibernate flushes its entities then,
     * after the commit's own callbacks ran).
     */
    public void markNow(Kind kind, Instant at) {
        mark(kind, at, true);
    }

    private void mark(Kind kind, Instant at, boolean now) {
        if (at == null) {
            return;
        }
        String key = kind.column() + ":" + dayOf(at);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(key);
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (now) {
            pending.writeNow(key);
        } else {
            pending.add(key);
        }
    }

    private void write(String key) {
        int colon = key.indexOf(':');
        MapSqlParameterSource params = new MapSqlParameterSource("kind", key.substring(0, colon))
                .addValue("day", Long.parseLong(key.substring(colon + 1)));
        try {
            db.update(mark, params);
        } catch (DuplicateKeyException raced) {
            // H2: another transaction inserted the same new mark first; one mark is all it takes
        }
    }

    /** A transaction's marks, each written once: in order before the commit, or at once if asked. */
    private final class Pending implements TransactionSynchronization {
        private final TreeSet<String> keys = new TreeSet<>();
        private final TreeSet<String> written = new TreeSet<>();

        void add(String key) {
            keys.add(key);
        }

        void writeNow(String key) {
            if (written.add(key)) {
                write(key);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            for (String key : keys) {
                if (written.add(key)) {
                    write(key);
                }
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ChangedDays.this);
        }
    }
}
