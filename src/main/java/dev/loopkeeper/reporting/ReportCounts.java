package dev.loopkeeper.reporting;

import dev.loopkeeper.sharedkernel.persistence.ChangedDays;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays.Kind;
import dev.loopkeeper.sharedkernel.persistence.DatabaseProduct;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports' counts per UTC hour and per UTC day ({@code report_count}), counted from the rows by a
 * {@link Counter} per kind and kept current by the days their writers marked ({@link ChangedDays}). A bucket that
 * starts and ends on whole UTC hours is read as its full days' rows and its edge hours' rows, a few hundred rows for
 * half a year; a bound that is not a whole hour (a zone such as +05:30) gets nothing here, and the report counts the
 * rows themselves.
 *
 * <p>Marked days are counted again in the background every few seconds ({@link #countChanges()}), never by a read:
 * a dashboard reads what is counted and says when that was ({@link #countedAt()}). A count first moves the marks it
 * can lock to {@code report_counting_day} in a short transaction of its own (skipping those a writer still holds,
 * whose change is not committed yet: they stay for the next count), then counts those days from the rows in a
 * second one, which sees every change committed before the move, and removes them only with the counts stored. A
 * writer therefore waits at most for the move, and a count that fails leaves its days to the next. One count per
 * kind at a time across nodes (its row in {@code report_count_lock}, whose generation it raises); the last few
 * reads are kept while the generation stands.
 */
@Service
public class ReportCounts {

    private static final Logger log = LoggerFactory.getLogger(ReportCounts.class);

    /** Counts a kind's rows of a time range, per group ('' for the whole company) and per UTC hour. */
    interface Counter {
        Map<String, Map<Long, Counts>> count(Instant from, Instant to);
    }

    /** The longest run of days counted again in one go (a backfill's year, a week at a time). */
    private static final int DAYS_AT_ONCE = 7;

    /** The most days counted in one transaction. */
    private static final int DAYS_PER_TRANSACTION = 28;

    /** A day may be left from a count that failed: taking it again is no error. */
    private static final String TAKE_MARIADB =
            "insert ignore into report_counting_day (kind, day_no) values (:kind, :day)";

    private static final String TAKE_H2 =
            "merge into report_counting_day (kind, day_no) key (kind, day_no) values (:kind, :day)";

    private static final String GROUP_MARIADB = "insert ignore into report_group (grp) values (:grp)";

    private static final String GROUP_H2 = "merge into report_group (grp) key (grp) values (:grp)";

    private final NamedParameterJdbcTemplate db;
    private final Clock clock;
    private final ChangedDays changedDays;
    private final String taking;
    private final String keepingGroup;
    private volatile Instant countedAt;
    /** One round at a time on this node: the scheduler's, and a caller's who needs the counts current now. */
    private final ReentrantLock round = new ReentrantLock();

    private final TransactionTemplate ownTransaction;
    private final Map<Kind, Counter> counters = new EnumMap<>(Kind.class);
    private final Map<String, Read> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
            return size() > 32;
        }
    };

    private record Read(long generation, List<Counts> buckets) {}

    ReportCounts(
            NamedParameterJdbcTemplate db,
            PlatformTransactionManager transactions,
            DatabaseProduct database,
            ChangedDays changedDays,
            Clock clock) {
        this.db = db;
        this.changedDays = changedDays;
        this.clock = clock;
        this.taking = database.isH2() ? TAKE_H2 : TAKE_MARIADB;
        this.keepingGroup = database.isH2() ? GROUP_H2 : GROUP_MARIADB;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        counters.put(Kind.RESPONSES, new ResponseCounter(db));
        counters.put(Kind.CASES, new CaseCounter(db));
        counters.put(Kind.BREACHES, new BreachCounter(db));
        counters.put(Kind.RESURVEYS, new ResurveyCounter(db));
        counters.put(Kind.REVENUE, new RevenueCounter(db));
    }

    static long hourOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3600L);
    }

    static LocalDateTime utc(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }

    // The counts of grp ('' for the company) in each range between consecutive bounds, or empty if a bound is not a
    // whole UTC hour. (Line comments: Spring Modulith's documenter fails on some documented signatures.)
    Optional<List<Counts>> between(Kind kind, String grp, List<Instant> bounds) {
        long[] hours = new long[bounds.size()];
        for (int i = 0; i < hours.length; i++) {
            long second = bounds.get(i).getEpochSecond();
            if (second % 3600 != 0 || bounds.get(i).getNano() != 0) {
                return Optional.empty();
            }
            hours[i] = second / 3600;
        }
        long generation = generation(kind);
        String cacheKey = kind + "|" + grp + "|" + Arrays.toString(hours);
        synchronized (recent) {
            Read cached = recent.get(cacheKey);
            if (cached != null && cached.generation() == generation) {
                return Optional.of(cached.buckets());
            }
        }
        List<Counts> buckets = read(kind, grp, hours);
        synchronized (recent) {
            recent.put(cacheKey, new Read(generation, buckets));
        }
        return Optional.of(buckets);
    }

    /** The period's buckets. */
    Optional<List<Counts>> of(Kind kind, String grp, ReportPeriod period) {
        List<Instant> bounds = new ArrayList<>();
        bounds.add(period.from());
        period.buckets().forEach(b -> bounds.add(b.to()));
        return between(kind, grp, bounds);
    }

    /** The whole period as one. */
    Optional<Counts> whole(Kind kind, String grp, ReportPeriod period) {
        return between(kind, grp, List.of(period.from(), period.to())).map(b -> b.get(0));
    }

    private long generation(Kind kind) {
        Long generation = db.queryForObject(
                "select generation from report_count_lock where kind = :kind",
                new MapSqlParameterSource("kind", kind.column()),
                Long.class);
        return generation == null ? 0 : generation;
    }

    private List<Counts> read(Kind kind, String grp, long[] hours) {
        List<long[]> dayRanges = new ArrayList<>();
        List<long[]> hourRanges = new ArrayList<>();
        for (int i = 0; i + 1 < hours.length; i++) {
            long start = hours[i];
            long end = hours[i + 1];
            long firstDay = Math.floorDiv(start + 23, 24);
            long endDay = Math.floorDiv(end, 24);
            if (firstDay < endDay) {
                extend(dayRanges, firstDay, endDay);
                extend(hourRanges, start, firstDay * 24);
                extend(hourRanges, endDay * 24, end);
            } else {
                extend(hourRanges, start, end);
            }
        }
        MapSqlParameterSource params = new MapSqlParameterSource("kind", kind.column()).addValue("grp", grp);
        StringBuilder where = new StringBuilder();
        appendRanges(where, "d", dayRanges, params);
        appendRanges(where, "h", hourRanges, params);
        List<Counts> buckets = new ArrayList<>();
        for (int i = 0; i + 1 < hours.length; i++) {
            buckets.add(new Counts());
        }
        if (where.isEmpty()) {
            return buckets;
        }
        db.query(
                "select unit, unit_no, counts from report_count where kind = :kind and grp = :grp and (" + where + ")",
                params,
                rs -> {
                    long no = rs.getLong("unit_no");
                    long startHour = "d".equals(rs.getString("unit")) ? no * 24 : no;
                    int bucket = Arrays.binarySearch(hours, startHour);
                    buckets.get(bucket >= 0 ? bucket : -bucket - 2).addEncoded(rs.getString("counts"));
                });
        return buckets;
    }

    private static void extend(List<long[]> ranges, long from, long to) {
        if (from >= to) {
            return;
        }
        long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
        if (last != null && last[1] == from) {
            last[1] = to;
        } else {
            ranges.add(new long[] {from, to});
        }
    }

    private static void appendRanges(
            StringBuilder where, String unit, List<long[]> ranges, MapSqlParameterSource params) {
        for (int i = 0; i < ranges.size(); i++) {
            String name = unit + i;
            where.append(where.isEmpty() ? "" : " or ")
                    .append("(unit = '")
                    .append(unit)
                    .append("' and unit_no >= :")
                    .append(name)
                    .append("from and unit_no < :")
                    .append(name)
                    .append("to)");
            params.addValue(name + "from", ranges.get(i)[0]).addValue(name + "to", ranges.get(i)[1]);
        }
    }

    /**
     * Counts every day that has rows again, as the migration's backfill does: after rows were written without their
     * days marked (a bulk load in SQL).
     */
    public void recountAll() {
        round.lock();
        try {
            recountEveryDay();
        } finally {
            round.unlock();
        }
    }

    private void recountEveryDay() {
        ownTransaction.executeWithoutResult(status -> {
            db.update("delete from report_day_mark", new MapSqlParameterSource());
            for (String[] source : new String[][] {
                {"responses", "feedback_response", "responded_at"},
                {"cases", "follow_up_case", "opened_at"},
                {"breaches", "sla_breach", "breached_at"},
                {"resurveys", "survey_invitation", "answered_at"},
                {"revenue", "feedback_response", "responded_at"}
            }) {
                db.update(
                        "insert into report_day_mark (kind, day_no) select distinct '" + source[0] + "',"
                                + " timestampdiff(day, timestamp '1970-01-01 00:00:00', " + source[2] + ") from "
                                + source[1] + " where " + source[2] + " is not null",
                        new MapSqlParameterSource());
            }
        });
        countChanges();
    }

    /**
     * Counts every kind's marked days again, each in transactions of its own (a report's is read-only), and notes
     * when: in the background every few seconds on every node, and by whoever needs the counts current now (the
     * monthly report, a test, the benchmark).
     */
    public void countChanges() {
        round.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    Instant began = clock.instant();
                    ownTransaction.executeWithoutResult(status -> markChangedCustomers());
                    for (Kind kind : Kind.values()) {
                        catchUp(kind);
                    }
                    countedAt = began;
                    return;
                } catch (PessimisticLockingFailureException deadlock) {
                    // another node's round took the same marks' locks in another order: what failed is undone
                    if (attempt == 3) {
                        throw deadlock;
                    }
                }
            }
        } finally {
            round.unlock();
        }
    }

    /**
     * {@link #countChanges()} every few seconds on every node. A round that fails (two nodes' counts in a deadlock,
     * the database away) leaves its days marked for the next, and says so once in the log.
     */
    @Scheduled(
            fixedDelayString = "${loopkeeper.reports.count-every:PT5S}",
            initialDelayString = "${loopkeeper.reports.count-first-after:PT1S}")
    void countInBackground() {
        try {
            countChanges();
        } catch (DataAccessException | TransactionException failed) {
            log.warn(
                    "The reports' counts could not be brought up to date; the next round tries again: {}",
                    failed.toString());
        }
    }

    /**
     * Every change committed before this instant is in the counts (but one a writer held while it was counted,
     * counted by the next round): when this node's last round of {@link #countChanges()} began; empty before its
     * first, which after an upgrade counts every day once.
     */
    public Optional<Instant> countedAt() {
        return Optional.ofNullable(countedAt);
    }

    /** Counts the days marked since the last count of the kind again; nothing to write if none was. */
    public void catchUp(Kind kind) {
        MapSqlParameterSource byKind = new MapSqlParameterSource("kind", kind.column());
        if (db.queryForList(
                        "select 1 from report_day_mark where kind = :kind union all"
                                + " select 1 from report_counting_day where kind = :kind limit 1",
                        byKind,
                        Integer.class)
                .isEmpty()) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> take(byKind));
        while (Boolean.TRUE.equals(ownTransaction.execute(status -> recount(kind, byKind)))) {
            // a backfill's year, a few weeks per transaction: no transaction stays open for minutes
        }
    }

    /**
     * Revenue at risk and protected weigh each customer by their lifetime value as counted: the days of the customers changed
     * since the last look (a minute's overlap for writers that committed late; counting a day twice does no harm)
     * are counted again.
     */
    private void markChangedCustomers() {
        MapSqlParameterSource revenue = new MapSqlParameterSource("kind", Kind.REVENUE.column());
        List<LocalDateTime> seen = db.queryForList(
                "select changes_seen_at from report_count_lock where kind = :kind for update",
                revenue,
                LocalDateTime.class);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!seen.isEmpty() && seen.get(0) != null) {
            db.queryForList(
                            "select distinct timestampdiff(day, timestamp '1970-01-01 00:00:00', r.responded_at)"
                                    + " from customer cu join feedback_response r on r.customer_id = cu.id"
                                    + " where cu.updated_at >= :since",
                            new MapSqlParameterSource("since", seen.get(0).minusMinutes(1)),
                            Long.class)
                    .forEach(day -> changedDays.mark(Kind.REVENUE, Instant.ofEpochSecond(day * 86_400)));
            db.queryForList(
                            "select distinct timestampdiff(day, timestamp '1970-01-01 00:00:00', i.answered_at)"
                                    + " from customer cu join survey_invitation i"
                                    + " on i.customer_external_id = cu.external_id"
                                    + " where cu.updated_at >= :since and i.answered_at is not null",
                            new MapSqlParameterSource("since", seen.get(0).minusMinutes(1)),
                            Long.class)
                    .forEach(day -> changedDays.mark(Kind.RESURVEYS, Instant.ofEpochSecond(day * 86_400)));
        }
        db.update(
                "update report_count_lock set changes_seen_at = :now where kind = :kind", revenue.addValue("now", now));
    }

    // Moves the marks no writer holds to the days being counted and deletes them by id: quick, and a writer marking
    // one of these days meanwhile writes a mark of its own, which the next round takes.
    private void take(MapSqlParameterSource byKind) {
        // two nodes' takes adding the same day, just deleted by a count, could otherwise deadlock on it
        lockCounting(byKind);
        List<Long> ids = new ArrayList<>();
        Set<Long> days = new TreeSet<>();
        db.query(
                "select id, day_no from report_day_mark where kind = :kind for update skip locked",
                byKind,
                (ResultSet row) -> {
                    ids.add(row.getLong(1));
                    days.add(row.getLong(2));
                });
        db.batchUpdate(
                taking,
                days.stream()
                        .map(day -> new MapSqlParameterSource(byKind.getValues()).addValue("day", day))
                        .toArray(MapSqlParameterSource[]::new));
        // one by one, by key: a delete of a list of ids ran through the rows between them too, and waited there
        // for the marks of writers not yet committed (about 400 waits, most of a minute, in 10 000 breaches)
        db.batchUpdate(
                "delete from report_day_mark where id = :id",
                ids.stream().map(id -> new MapSqlParameterSource("id", id)).toArray(MapSqlParameterSource[]::new));
    }

    // One take or count of a kind at a time across nodes: the kind's row in report_count_lock, held to commit.
    private void lockCounting(MapSqlParameterSource byKind) {
        db.queryForList("select kind from report_count_lock where kind = :kind for update", byKind, String.class);
    }

    // Counts some of the days being counted, and whether others are left.
    private boolean recount(Kind kind, MapSqlParameterSource byKind) {
        lockCounting(byKind);
        List<Long> days = db.queryForList(
                "select day_no from report_counting_day where kind = :kind order by day_no", byKind, Long.class);
        if (days.isEmpty()) {
            return false;
        }
        boolean more = days.size() > DAYS_PER_TRANSACTION;
        days = days.subList(0, Math.min(days.size(), DAYS_PER_TRANSACTION));
        List<long[]> runs = new ArrayList<>();
        for (long day : days) {
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1] == day && day - last[0] < DAYS_AT_ONCE) {
                last[1] = day + 1;
            } else {
                runs.add(new long[] {day, day + 1});
            }
        }
        for (long[] run : runs) {
            store(kind, run[0], run[1]);
        }
        if (kind == Kind.RESPONSES) {
            // revenue at risk looks back at each customer's previous response: a day's responses change it for
            // that day and, for an answer stored after later ones, for the days after it
            long today = ChangedDays.dayOf(clock.instant());
            long follow = RevenueCounter.RECENT.toDays();
            java.util.TreeSet<Long> revenueDays = new java.util.TreeSet<>();
            for (long day : days) {
                for (long d = day; d <= Math.min(day + follow, today); d++) {
                    revenueDays.add(d);
                }
            }
            revenueDays.forEach(d -> changedDays.mark(Kind.REVENUE, Instant.ofEpochSecond(d * 86_400)));
        }
        for (int i = 0; i < days.size(); i += 1000) {
            db.update(
                    "delete from report_counting_day where kind = :kind and day_no in (:days)",
                    new MapSqlParameterSource(byKind.getValues())
                            .addValue("days", days.subList(i, Math.min(days.size(), i + 1000))));
        }
        db.update("update report_count_lock set generation = generation + 1 where kind = :kind", byKind);
        return more;
    }

    /** Counts the days from firstDay up to endDay again: each group's hours, and its days as their hours summed. */
    private void store(Kind kind, long firstDay, long endDay) {
        Map<String, Map<Long, Counts>> counted = counters.get(kind)
                .count(Instant.ofEpochSecond(firstDay * 86_400), Instant.ofEpochSecond(endDay * 86_400));
        if (kind == Kind.CASES) {
            db.batchUpdate(
                    keepingGroup,
                    counted.keySet().stream()
                            .filter(grp -> !grp.isEmpty())
                            .map(grp -> new MapSqlParameterSource("grp", grp))
                            .toArray(MapSqlParameterSource[]::new));
        }
        List<MapSqlParameterSource> rows = new ArrayList<>();
        counted.forEach((grp, hours) -> {
            Map<Long, Counts> days = new HashMap<>();
            hours.forEach((hour, counts) -> {
                rows.add(row(kind, grp, "h", hour, counts));
                days.computeIfAbsent(Math.floorDiv(hour, 24), d -> new Counts()).add(counts);
            });
            days.forEach((day, counts) -> rows.add(row(kind, grp, "d", day, counts)));
        });
        // by the units' index, every group at once: with the group second in the key, one statement with an "or"
        // read every count of the kind (seconds at a million responses)
        String delete = "delete from report_count where kind = :kind and unit = :unit and unit_no >= :first"
                + " and unit_no < :end";
        db.update(
                delete,
                new MapSqlParameterSource("kind", kind.column())
                        .addValue("unit", "h")
                        .addValue("first", firstDay * 24)
                        .addValue("end", endDay * 24));
        db.update(
                delete,
                new MapSqlParameterSource("kind", kind.column())
                        .addValue("unit", "d")
                        .addValue("first", firstDay)
                        .addValue("end", endDay));
        for (int i = 0; i < rows.size(); i += 500) {
            db.batchUpdate(
                    "insert into report_count (kind, grp, unit, unit_no, counts)"
                            + " values (:kind, :grp, :unit, :no, :counts)",
                    rows.subList(i, Math.min(rows.size(), i + 500)).toArray(MapSqlParameterSource[]::new));
        }
    }

    private static MapSqlParameterSource row(Kind kind, String grp, String unit, long no, Counts counts) {
        return new MapSqlParameterSource("kind", kind.column())
                .addValue("grp", grp)
                .addValue("unit", unit)
                .addValue("no", no)
                .addValue("counts", counts.encode());
    }
}
