package dev.loopkeeper.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * N open tasks spread over 20 groups, written straight into both places that know them: the engine's task
 * and candidate-group tables, and our case table with its task projection (same ids). One in ten is claimed
 * by one of 200 agents. Batched inserts: seeding is not what is measured.
 */
final class OpenTaskSeed {

    static final int GROUPS = 20;

    private OpenTaskSeed() {}

    static String group(int n) {
        return "bench-group-%02d".formatted(n);
    }

    static void seed(JdbcTemplate jdbc, int tasks, String benchUser) {
        Random random = new Random(7);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int batch = 2000;
        for (int from = 0; from < tasks; from += batch) {
            List<Object[]> cases = new ArrayList<>();
            List<Object[]> projections = new ArrayList<>();
            List<Object[]> engineTasks = new ArrayList<>();
            List<Object[]> links = new ArrayList<>();
            for (int i = from; i < Math.min(tasks, from + batch); i++) {
                String caseId = UUID.randomUUID().toString();
                String taskId = UUID.randomUUID().toString();
                String group = group(1 + random.nextInt(GROUPS));
                String assignee = random.nextInt(10) == 0
                        ? (random.nextInt(20) == 0 ? benchUser : "agent-" + random.nextInt(200))
                        : null;
                Timestamp due = Timestamp.from(now.plusSeconds(random.nextInt(60 * 86400) - 30 * 86400));
                Timestamp created = Timestamp.from(now.minusSeconds(random.nextInt(30 * 86400)));
                int score = random.nextInt(11);
                cases.add(new Object[] {
                    caseId,
                    "OPEN",
                    score <= 6 ? "DETRACTOR" : score <= 8 ? "PASSIVE" : "PROMOTER",
                    score,
                    "Seeded comment " + i,
                    "C-" + caseId,
                    "Seeded Customer " + i,
                    "PHONE",
                    created,
                    "Madrid",
                    "Broadband",
                    "EMEA",
                    "bench-tasklist"
                });
                projections.add(new Object[] {
                    taskId,
                    "bench-" + caseId,
                    "closed-loop",
                    caseId,
                    caseId,
                    "Task_ContactCustomer",
                    "Contact customer",
                    group,
                    assignee,
                    due,
                    created
                });
                engineTasks.add(
                        new Object[] {taskId, "Contact customer", "Task_ContactCustomer", assignee, created, due});
                links.add(new Object[] {UUID.randomUUID().toString(), group, taskId});
            }
            jdbc.batchUpdate(
                    "insert into follow_up_case (id, status, segment, score, comment, customer_external_id, "
                            + "customer_name, preferred_channel, opened_at, location, product, region, source, version) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    cases);
            jdbc.batchUpdate(
                    "insert into open_task (id, process_instance_id, process_key, business_key, case_id, "
                            + "task_key, name, candidate_group, assignee, due_at, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    projections);
            jdbc.batchUpdate(
                    "insert into ACT_RU_TASK (ID_, REV_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, PRIORITY_, "
                            + "CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_) values (?, 1, ?, ?, ?, 50, ?, ?, 1)",
                    engineTasks);
            jdbc.batchUpdate(
                    "insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) "
                            + "values (?, 1, ?, 'candidate', ?)",
                    links);
        }
        jdbc.execute("analyze table follow_up_case, open_task, ACT_RU_TASK, ACT_RU_IDENTITYLINK");
    }
}
