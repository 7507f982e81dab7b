package dev.loopkeeper.sharedkernel.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
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
 * <p>The marks of a transaction are written once each, in one statement just before it commits; a mark is a row of
 * the transaction's own, so concurrent writers of the same day neither wait for each other nor deadlock.
 */
@Component
public class ChangedDays {

    /**
     * What changed: the responses (NPS), the cases (the loop's figures), the SLA breaches, the re-surveys answered
     * (revenue protected, by the day answered); revenue at risk, which
     * follows the responses and their customers, is marked by the reports' own count, never by a writer.
     */
    public enum Kind {
        RESPONSES,
        CASES,
        BREACHES,
        RESURVEYS,
        REVENUE;

        public String column() {
            return name().toLowerCase();
        }
    }

    /**
     * A row of its own per transaction and day, nothing unique about it: an insert that checks for no duplicate locks
     * no row another writer wants, so writers of one day never wait for each other, nor for a round taking marks.
     */
    private static final String MARK = "insert into report_day_mark (kind, day_no) values ";

    private final NamedParameterJdbcTemplate db;

    ChangedDays(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    public static long dayOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 86_400L);
    }

    /** The day of {@code at} changed for {@code kind}; written before the transaction commits (or now, without one). */
    public void mark(Kind kind, Instant at) {
        mark(kind, at, false);
    }

    /**
     * A case opened at {@code openedAt}: its day is marked, and known to this transaction, so that what joins the
     * case later in it (a group, an attempt) finds the day without asking the database.
     */
    public void caseOpened(UUID caseId, Instant openedAt) {
        mark(Kind.CASES, openedAt);
        Pending pending = pending();
        if (pending != null) {
            pending.openings.put(caseId, openedAt);
        }
    }

    /** Something of the case changed: the day it opened is marked (looked up once per transaction). */
    public void caseChanged(UUID caseId) {
        caseChanged(caseId, false);
    }

    /**
     * Something of each of these cases changed (a response's themes: responses without a case of their id change
     * nothing here); the days unknown to the transaction are looked up in one statement per few hundred.
     */
    public void casesChanged(Collection<UUID> caseIds) {
        Pending pending = pending();
        List<String> unknown = new ArrayList<>();
        for (UUID id : caseIds) {
            Instant opened = pending == null ? null : pending.openings.get(id);
            if (opened == null) {
                unknown.add(id.toString());
            } else {
                mark(Kind.CASES, opened);
            }
        }
        for (int from = 0; from < unknown.size(); from += 500) {
            db.queryForList(
                            "select distinct opened_at from follow_up_case where id in (:ids)",
                            new MapSqlParameterSource(
                                    "ids", unknown.subList(from, Math.min(unknown.size(), from + 500))),
                            LocalDateTime.class)
                    .forEach(at -> mark(Kind.CASES, at.toInstant(ZoneOffset.UTC)));
        }
    }

    /** The same, written now (see {@link #markNow}). */
    public void caseChangedNow(UUID caseId) {
        caseChanged(caseId, true);
    }

    private void caseChanged(UUID caseId, boolean now) {
        Pending pending = pending();
        Instant opened = pending == null ? null : pending.openings.get(caseId);
        if (opened == null) {
            List<LocalDateTime> found = db.queryForList(
                    "select opened_at from follow_up_case where id = :id",
                    new MapSqlParameterSource("id", caseId.toString()),
                    LocalDateTime.class);
            if (found.isEmpty()) {
                return;
            }
            opened = found.get(0).toInstant(ZoneOffset.UTC);
            if (pending != null) {
                pending.openings.put(caseId, opened);
            }
        }
        mark(Kind.CASES, opened, now);
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
        Pending pending = pending();
        if (pending == null) {
            write(List.of(key));
        } else if (now) {
            pending.writeNow(key);
        } else {
            pending.add(key);
        }
    }

    /** This transaction's marks, begun by the first; null without a transaction. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** The marks in one statement, whatever their number: a transaction's cost is one round trip. */
    private void write(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(MARK);
        MapSqlParameterSource params = new MapSqlParameterSource();
        int i = 0;
        for (String key : keys) {
            int colon = key.indexOf(':');
            sql.append(i == 0 ? "" : ", ")
                    .append("(:kind")
                    .append(i)
                    .append(", :day")
                    .append(i)
                    .append(')');
            params.addValue("kind" + i, key.substring(0, colon))
                    .addValue("day" + i, Long.parseLong(key.substring(colon + 1)));
            i++;
        }
        db.update(sql.toString(), params);
    }

    /**
     * A transaction's marks, each written once: together before the commit, or at once if asked; and the days of
     * the cases it touched.
     */
    private final class Pending implements TransactionSynchronization {
        private final TreeSet<String> keys = new TreeSet<>();
        private final TreeSet<String> written = new TreeSet<>();
        private final Map<UUID, Instant> openings = new HashMap<>();

        void add(String key) {
            keys.add(key);
        }

        void writeNow(String key) {
            if (written.add(key)) {
                write(List.of(key));
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            List<String> unwritten = new ArrayList<>();
            for (String key : keys) {
                if (written.add(key)) {
                    unwritten.add(key);
                }
            }
            write(unwritten);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ChangedDays.this);
        }
    }
}
