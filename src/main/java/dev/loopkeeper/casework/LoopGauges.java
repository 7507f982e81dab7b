package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Segment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The state of the whole loop as gauges, the same on every node because they are read from the database: open cases
 * per segment, the engine's job backlog and failed jobs, open incidents by type, and how long the oldest due job and
 * the oldest unclaimed task have waited. Read every {@code loopkeeper.metrics.refresh} (30 s), not on each scrape: a
 * scraper (or several, one per node) must not put aggregate queries on the database at its own pace.
 */
@Component
class LoopGauges {

    private static final Logger log = LoggerFactory.getLogger(LoopGauges.class);
    /** The engine's incident types we expect; any other is counted under "other" (a tag's values stay few). */
    private static final List<String> INCIDENT_TYPES = List.of("failedJob", "failedExternalTask");

    private static final String OTHER_INCIDENTS = "other";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<Segment, AtomicLong> openCases = new EnumMap<>(Segment.class);
    private final Map<String, AtomicLong> incidents = new ConcurrentHashMap<>();
    private final AtomicLong dueJobs = new AtomicLong();
    private final AtomicLong failedJobs = new AtomicLong();
    private final AtomicLong oldestDueJobSeconds = new AtomicLong();
    private final AtomicLong oldestUnclaimedTaskSeconds = new AtomicLong();
    private final AtomicLong unclaimedTasks = new AtomicLong();

    LoopGauges(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (Segment segment : Segment.values()) {
            AtomicLong value = new AtomicLong();
            openCases.put(segment, value);
            Gauge.builder("loopkeeper.cases.open", value, AtomicLong::get)
                    .description("Cases the loop is still driving")
                    .tag("segment", segment.key())
                    .register(registry);
        }
        for (String type : INCIDENT_TYPES) {
            incidents.put(type, new AtomicLong());
        }
        incidents.put(OTHER_INCIDENTS, new AtomicLong());
        for (Map.Entry<String, AtomicLong> type : incidents.entrySet()) {
            Gauge.builder("loopkeeper.incidents.open", type.getValue(), AtomicLong::get)
                    .description("The engine's open incidents (a step that failed all its retries)")
                    .tag("type", type.getKey())
                    .register(registry);
        }
        Gauge.builder("loopkeeper.jobs.due", dueJobs, AtomicLong::get)
                .description("Jobs due now and not being run: the job executor's backlog")
                .register(registry);
        Gauge.builder("loopkeeper.jobs.failed", failedJobs, AtomicLong::get)
                .description("Jobs with no retries left")
                .register(registry);
        Gauge.builder("loopkeeper.jobs.oldest.due.age", oldestDueJobSeconds, AtomicLong::get)
                .description("How long the oldest due job has waited for the job executor")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("loopkeeper.tasks.unclaimed", unclaimedTasks, AtomicLong::get)
                .description("Open tasks nobody has claimed")
                .register(registry);
        Gauge.builder("loopkeeper.tasks.oldest.unclaimed.age", oldestUnclaimedTaskSeconds, AtomicLong::get)
                .description("How long the oldest unclaimed task has waited for someone")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(
            initialDelayString = "${loopkeeper.metrics.refresh:PT30S}",
            fixedDelayString = "${loopkeeper.metrics.refresh:PT30S}")
    void refresh() {
        try {
            read();
        } catch (RuntimeException e) {
            // A metric that cannot be read keeps its last value; the app goes on
            log.warn("The loop's gauges could not be read: {}", e.getMessage());
        }
    }

    /** Reads every gauge's value now (tests call this instead of waiting for the schedule). */
    void read() {
        Instant now = clock.instant();
        Timestamp nowAt = Timestamp.from(now);
        openCases.values().forEach(v -> v.set(0));
        jdbc.query("select segment, count(*) from follow_up_case where status = 'OPEN' group by segment", row -> {
            Segment segment = Segment.valueOf(row.getString(1).toUpperCase(Locale.ROOT));
            openCases.get(segment).set(row.getLong(2));
        });
        incidents.values().forEach(v -> v.set(0));
        jdbc.query("select incident_type_, count(*) from ACT_RU_INCIDENT group by incident_type_", row -> {
            String type = INCIDENT_TYPES.contains(row.getString(1)) ? row.getString(1) : OTHER_INCIDENTS;
            incidents.get(type).addAndGet(row.getLong(2));
        });
        // Due: retries left, not suspended, due (or without a due date, as the engine's acquisition reads it),
        // and not locked by a job executor that is still within its lock
        jdbc.query(
                """
                select count(*), min(coalesce(duedate_, create_time_)) from ACT_RU_JOB
                where retries_ > 0 and suspension_state_ = 1 and (duedate_ is null or duedate_ <= ?)
                  and (lock_exp_time_ is null or lock_exp_time_ < ?)
                """,
                row -> {
                    dueJobs.set(row.getLong(1));
                    oldestDueJobSeconds.set(ageInSeconds(row.getTimestamp(2), now));
                },
                nowAt,
                nowAt);
        failedJobs.set(jdbc.queryForObject("select count(*) from ACT_RU_JOB where retries_ = 0", Long.class));
        jdbc.query("select count(*), min(created_at) from open_task where assignee is null", row -> {
            unclaimedTasks.set(row.getLong(1));
            oldestUnclaimedTaskSeconds.set(ageInSeconds(row.getTimestamp(2), now));
        });
    }

    private static long ageInSeconds(Timestamp since, Instant now) {
        return since == null
                ? 0
                : Math.max(0, Duration.between(since.toInstant(), now).toSeconds());
    }
}
