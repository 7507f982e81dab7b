package dev.loopkeeper.bench;

import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.sharedkernel.Channel;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * K open cases of one batch (tagged by their response's source), each with its SLA timer waiting. Seeded
 * through the real intake while the job executor is stopped; seeding is not what is measured.
 */
final class Backlog {

    /**
     * The engine's tables are utf8mb3 and ours utf8mb4: compared as they are, MariaDB cannot use the engine's index
     * on the process instance, and a join of 20 000 cases with 70 000 jobs scanned one against the other for minutes.
     */
    private static final String JOB_OF_CASE =
            "j.PROCESS_INSTANCE_ID_ = convert(c.process_instance_id using utf8mb3) collate utf8mb3_bin";

    private static final String TASK_OF_CASE =
            "t.PROC_INST_ID_ = convert(c.process_instance_id using utf8mb3) collate utf8mb3_bin";

    final String source;
    final int size;
    private final JdbcTemplate jdbc;

    private Backlog(String source, int size, JdbcTemplate jdbc) {
        this.source = source;
        this.size = size;
        this.jdbc = jdbc;
    }

    static Backlog seed(BenchApp app, String source, int size) throws Exception {
        CaseIntake intake = app.bean(CaseIntake.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        int chunk = 250;
        for (int from = 0; from < size; from += chunk) {
            int first = from;
            int last = Math.min(size, from + chunk);
            work.add(pool.submit(() -> {
                for (int i = first; i < last; i++) {
                    intake.receive(detractor(source, i));
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        Backlog backlog = new Backlog(source, size, app.jdbc());
        // Acknowledgements and owner alerts of these cases would have been sent hours before their SLA fell
        // due; their jobs are not part of the backlog
        backlog.jdbc.update(
                "delete j from ACT_RU_JOB j join follow_up_case c on " + JOB_OF_CASE
                        + " where c.source = ? and j.TYPE_ = 'message'",
                source);
        return backlog;
    }

    /** Every SLA timer of the batch falls due now, as after a long weekend or a stopped cluster. */
    int fallDue() {
        return jdbc.update(
                "update ACT_RU_JOB j join follow_up_case c on " + JOB_OF_CASE
                        + " set j.DUEDATE_ = ? where c.source = ? and j.HANDLER_TYPE_ = "
                        + "'timer-transition' and j.HANDLER_CFG_ like 'BoundaryEvent_SlaBreached%'",
                Timestamp.from(Instant.now().minusSeconds(60)),
                source);
    }

    long breaches() {
        return count(
                "select count(*) from sla_breach b join follow_up_case c on c.id = b.case_id where c.source = ?",
                source);
    }

    long casesBreached() {
        return count(
                "select count(distinct b.case_id) from sla_breach b join follow_up_case c on c.id = b.case_id "
                        + "where c.source = ?",
                source);
    }

    long escalationTasks() {
        return count(
                "select count(*) from ACT_RU_TASK t join follow_up_case c on " + TASK_OF_CASE
                        + " where c.source = ? and t.TASK_DEF_KEY_ = 'Task_ReviewEscalation'",
                source);
    }

    /**
     * Every "Review escalation" task in the database, whatever batch it belongs to: the cheap count to watch the
     * drain by. The join with the batch's cases, four times a second, kept a core of the database busy itself.
     */
    long allEscalationTasks() {
        return count("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_ReviewEscalation'");
    }

    long failedJobs() {
        return count(
                "select count(*) from ACT_RU_JOB j join follow_up_case c on " + JOB_OF_CASE
                        + " where c.source = ? and j.EXCEPTION_MSG_ is not null",
                source);
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    /** A detractor on a four-hour business-time SLA, in one of the regions. */
    private static ResponseSubmission detractor(String source, int i) {
        String id = source + "-" + i + "-" + UUID.randomUUID();
        String region = NpsResponses.regions().get(i % NpsResponses.regions().size());
        return new ResponseSubmission(
                source,
                id,
                Instant.parse("2026-11-23T09:00:00Z"),
                i % 7,
                "Backlog case " + i,
                new CustomerDetails(
                        "C-" + id,
                        "Backlog Customer " + i,
                        "backlog@example.com",
                        "+34 600 123 456",
                        Channel.PHONE,
                        i % 2 == 0 ? "gold" : "standard",
                        new BigDecimal("500")),
                Map.of("region", region, "product", "Broadband"));
    }
}
