package dev.loopkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.Workload;
import dev.loopkeeper.reporting.LoopHealth;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sla.BreachFilter;
import dev.loopkeeper.sla.BreachReport;
import dev.loopkeeper.sla.Escalations;
import dev.loopkeeper.sla.LoopDiagram;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supervisor console over 100k open cases, each with a breach in the last 30 days, and 500 escalations
 * waiting: how long each view's queries take. No baseline: Camunda's Cockpit has no such views. Its own app
 * and database, so the tasklist scenario keeps its 100k tasks.
 */
class SupervisionBench {

    static final int CASES = BenchReport.size("bench.supervision.cases", 100_000);
    static final int ESCALATIONS = 500;
    static final int ROUNDS = BenchReport.size("bench.supervision.rounds", 50);

    @Test
    void everyViewOver100kCases() {
        try (BenchApp app = BenchApp.start(BenchApp.Setup.LOOPKEEPER)) {
            OpenTaskSeed.seed(app.jdbc(), CASES, "bench-agent");
            seedBreachesAndEscalations(app.jdbc());

            Actor sam = new Actor("sam", Set.of("supervisors"));
            Escalations escalations = app.bean(Escalations.class);
            BreachReport breaches = app.bean(BreachReport.class);
            Workload workload = app.bean(Workload.class);
            LoopHealth health = app.bean(LoopHealth.class);
            LoopDiagram diagram = app.bean(LoopDiagram.class);
            Instant now = Instant.now();
            BreachFilter fortnight =
                    new BreachFilter(now.minus(Duration.ofDays(13)), now.plus(Duration.ofDays(1)), null, null);

            assertThat(escalations.queue(sam)).as("the escalation queue").hasSize(ESCALATIONS);
            assertThat(breaches.count(new BreachFilter(null, null, null, null)))
                    .as("breaches")
                    .isEqualTo(CASES);

            new BenchReport("supervision")
                    .alone(
                            "escalations: the queue of " + ESCALATIONS + " p95",
                            "ms",
                            Latencies.measure(ROUNDS, () -> escalations.queue(sam))
                                    .percentileMillis(95),
                            null)
                    .alone(
                            "breaches: first page of 50 p95",
                            "ms",
                            Latencies.measure(ROUNDS, () -> breaches.page(fortnight, PageRequest.of(0, 50)))
                                    .percentileMillis(95),
                            null)
                    .alone(
                            "breaches: count p95",
                            "ms",
                            Latencies.measure(ROUNDS, () -> breaches.count(fortnight))
                                    .percentileMillis(95),
                            null)
                    .alone(
                            "breaches: per day (14 days) p95",
                            "ms",
                            Latencies.measure(ROUNDS, () -> breaches.perDay(fortnight))
                                    .percentileMillis(95),
                            null)
                    .alone(
                            "workload: per person p95",
                            "ms",
                            Latencies.measure(ROUNDS, () -> workload.perPerson(ZoneOffset.UTC))
                                    .percentileMillis(95),
                            null)
                    .alone(
                            "workload: per group p95",
                            "ms",
                            Latencies.measure(ROUNDS, () -> workload.perGroup(ZoneOffset.UTC))
                                    .percentileMillis(95),
                            null)
                    .alone(
                            "health: today p95",
                            "ms",
                            Latencies.measure(ROUNDS, () -> health.today(ZoneOffset.UTC))
                                    .percentileMillis(95),
                            null)
                    .alone(
                            "health: this week p95",
                            "ms",
                            Latencies.measure(ROUNDS, () -> health.thisWeek(ZoneOffset.UTC))
                                    .percentileMillis(95),
                            null)
                    .alone(
                            "diagram: counts and breaches p95",
                            "ms",
                            Latencies.measure(ROUNDS, diagram::latest).percentileMillis(95),
                            null)
                    .note(
                            "seeded",
                            CASES + " open cases with a contact task each (20 groups), a breach each over "
                                    + "the last 30 days, " + ESCALATIONS + " of them escalated")
                    .note(
                            "diagram",
                            "the seed writes no engine executions: the diagram's waiting counts are the "
                                    + "engine's activity statistics over real instances only; its breach counts cover all "
                                    + CASES)
                    .note("rounds", ROUNDS + " after a quarter as many warm-up rounds, one query at a time")
                    .publish();
        }
    }

    /** A breach for every seeded case, and a "Review escalation" for supervisors on the first 500. */
    private static void seedBreachesAndEscalations(JdbcTemplate jdbc) {
        Random random = new Random(11);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> cases =
                jdbc.queryForList("select c.id, c.segment, c.customer_name, t.candidate_group, "
                        + "t.assignee from follow_up_case c join open_task t on t.case_id = c.id");
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> reviews = new ArrayList<>();
        List<Object[]> engineTasks = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            Instant breached = now.minusSeconds(random.nextInt(30 * 86400));
            String caseId = ((String) c.get("id")).strip();
            rows.add(new Object[] {
                UUID.randomUUID().toString(),
                caseId,
                "bench-" + caseId,
                ClosedLoop.CONTACT_CUSTOMER,
                Timestamp.from(breached),
                Timestamp.from(breached),
                c.get("candidate_group"),
                c.get("assignee"),
                ((String) c.get("segment")).toLowerCase(),
                c.get("customer_name")
            });
            if (reviews.size() < ESCALATIONS) {
                String taskId = UUID.randomUUID().toString();
                Timestamp created = Timestamp.from(breached);
                reviews.add(new Object[] {
                    taskId,
                    "bench-" + caseId,
                    "closed-loop",
                    caseId,
                    caseId,
                    ClosedLoop.REVIEW_ESCALATION,
                    "Review escalation",
                    "supervisors",
                    null,
                    null,
                    created
                });
                engineTasks.add(new Object[] {taskId, "Review escalation", ClosedLoop.REVIEW_ESCALATION, created});
                links.add(new Object[] {UUID.randomUUID().toString(), "supervisors", taskId});
            }
            if (rows.size() == 2000) {
                insertBreaches(jdbc, rows);
                rows.clear();
            }
        }
        insertBreaches(jdbc, rows);
        jdbc.batchUpdate(
                "insert into open_task (id, process_instance_id, process_key, business_key, case_id, "
                        + "task_key, name, candidate_group, assignee, due_at, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reviews);
        jdbc.batchUpdate(
                "insert into ACT_RU_TASK (ID_, REV_, NAME_, TASK_DEF_KEY_, PRIORITY_, CREATE_TIME_, "
                        + "SUSPENSION_STATE_) values (?, 1, ?, ?, 50, ?, 1)",
                engineTasks);
        jdbc.batchUpdate(
                "insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) "
                        + "values (?, 1, ?, 'candidate', ?)",
                links);
        jdbc.execute("analyze table sla_breach, open_task, ACT_RU_TASK, ACT_RU_IDENTITYLINK");
    }

    private static void insertBreaches(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate(
                "insert into sla_breach (id, case_id, process_instance_id, activity_id, due_at, breached_at, "
                        + "candidate_group, assignee_at_breach, segment, customer_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }
}
