package dev.loopkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.casework.TaskFilter;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.casework.TaskView;
import dev.loopkeeper.casework.Tasklist;
import dev.loopkeeper.sharedkernel.Actor;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Scenario 3, tasklist: an agent in 2 of 20 groups opens "My work" (their tasks and their groups' unclaimed
 * ones) over 100k open tasks: the first page of 50 by due date, and the count. Ours is {@link Tasklist}; the
 * baseline is the engine's TaskQuery for the same tasks with authorization checks on, as Camunda's own
 * tasklist would ask.
 */
class TasklistBench {

    static final int TASKS = BenchReport.size("bench.tasks", 100_000);
    static final int ROUNDS = BenchReport.size("bench.tasklist.rounds", 200);
    /** The engine's query takes seconds at this size: fewer rounds keep the run short. */
    static final int BASELINE_ROUNDS = BenchReport.size("bench.tasklist.baselineRounds", 20);

    static final String AGENT = "bench-agent";
    static final Set<String> GROUPS = Set.of(OpenTaskSeed.group(1), OpenTaskSeed.group(2));

    @Test
    void firstPageAndCount() {
        BenchApp app = BenchApp.loopkeeper();
        OpenTaskSeed.seed(app.jdbc(), TASKS, AGENT);
        grantTaskReadToEveryGroup(app.bean(AuthorizationService.class));

        Tasklist tasklist = app.bean(Tasklist.class);
        Actor agent = new Actor(AGENT, GROUPS);
        TaskFilter myWork = TaskFilter.of(TaskView.MY_WORK);
        PageRequest firstPage = PageRequest.of(0, 50, Sort.by("dueAt"));
        Latencies ourPage = Latencies.measure(ROUNDS, () -> tasklist.page(agent, myWork, firstPage));
        Latencies ourCount = Latencies.measure(ROUNDS, () -> tasklist.count(agent, myWork));

        ProcessEngineConfiguration engine = app.engine().getProcessEngineConfiguration();
        IdentityService identity = app.bean(IdentityService.class);
        TaskService tasks = app.bean(TaskService.class);
        Latencies enginePage;
        Latencies engineCount;
        List<Task> theirs;
        long theirCount;
        engine.setAuthorizationEnabled(true);
        identity.setAuthentication(AGENT, List.copyOf(GROUPS));
        try {
            enginePage = Latencies.measure(BASELINE_ROUNDS, () -> myWork(tasks).listPage(0, 50));
            engineCount = Latencies.measure(BASELINE_ROUNDS, () -> myWork(tasks).count());
            theirs = myWork(tasks).listPage(0, 50);
            theirCount = myWork(tasks).count();
        } finally {
            identity.clearAuthentication();
            engine.setAuthorizationEnabled(false);
        }

        List<TaskRow> ours = tasklist.page(agent, myWork, firstPage);
        assertThat(ours)
                .extracting(TaskRow::dueAt)
                .map(d -> d.getEpochSecond())
                .as("the same first page")
                .containsExactlyElementsOf(theirs.stream()
                        .map(t -> t.getDueDate().toInstant().getEpochSecond())
                        .toList());
        assertThat(tasklist.count(agent, myWork)).as("the same count").isEqualTo(theirCount);

        new BenchReport("tasklist")
                .lower(
                        "first page of 50 p50",
                        "ms",
                        ourPage.percentileMillis(50),
                        enginePage.percentileMillis(50),
                        null)
                .lower(
                        "first page of 50 p95",
                        "ms",
                        ourPage.percentileMillis(95),
                        enginePage.percentileMillis(95),
                        "<= 20 ms and >= 10x")
                .lower(
                        "first page of 50 p99",
                        "ms",
                        ourPage.percentileMillis(99),
                        enginePage.percentileMillis(99),
                        null)
                .lower("count p50", "ms", ourCount.percentileMillis(50), engineCount.percentileMillis(50), null)
                .lower("count p95", "ms", ourCount.percentileMillis(95), engineCount.percentileMillis(95), null)
                .lower("count p99", "ms", ourCount.percentileMillis(99), engineCount.percentileMillis(99), null)
                .note(
                        "open tasks seeded",
                        TASKS + " in " + OpenTaskSeed.GROUPS + " groups; the agent is in " + GROUPS.size()
                                + " and sees " + theirCount)
                .note(
                        "rounds",
                        ROUNDS + " (baseline " + BASELINE_ROUNDS + ") after a quarter as many warm-up "
                                + "rounds, one query at a time")
                .publish();
    }

    /** The engine's "mine or my groups' unclaimed", sorted by due date. */
    private static TaskQuery myWork(TaskService tasks) {
        return tasks.createTaskQuery()
                .or()
                .taskAssignee(AGENT)
                .taskCandidateGroupIn(List.copyOf(GROUPS))
                .endOr()
                .orderByDueDate()
                .asc();
    }

    /** What a stock setup grants so that groups see their tasks: READ on every task. */
    private static void grantTaskReadToEveryGroup(AuthorizationService authorizations) {
        for (int g = 1; g <= OpenTaskSeed.GROUPS; g++) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(OpenTaskSeed.group(g));
            grant.setResource(Resources.TASK);
            grant.setResourceId("*");
            grant.addPermission(Permissions.READ);
            authorizations.saveAuthorization(grant);
        }
    }
}
