package dev.loopkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskExecutor;

/**
 * Scenario 2, SLA backlog: K open cases whose SLA timers all fall due at once. Timed from the moment they are
 * due until every breach is recorded and every "Review escalation" task exists. The baseline drains its own
 * batch in the same app with the starter's default job executor settings. Every timer must fire exactly once.
 */
class SlaBacklogBench {

    static final int BACKLOG = BenchReport.size("bench.backlog", 10_000);
    static final int BASELINE_BACKLOG = BenchReport.size("bench.backlog.baseline", Math.min(BACKLOG, 10_000));
    static final int TIMEOUT_MINUTES = BenchReport.size("bench.backlog.timeoutMinutes", 30);

    record Drained(Backlog backlog, JobExecutorSettings settings, double seconds, Map<String, Object> profile) {

        double perSecond() {
            return backlog.size / seconds;
        }

        /** Every statement of the drain, on all threads (a JDBC batch counts once), over its breaches. */
        double statementsPerBreach() {
            return ((Number) profile.get("sqlStatements")).doubleValue() / backlog.size;
        }
    }

    @Test
    void slaTimersAllDueAtOnce() throws Exception {
        BenchApp app = BenchApp.loopkeeper();
        JobExecutor executor = ((ProcessEngineImpl) app.engine())
                .getProcessEngineConfiguration()
                .getJobExecutor();
        clearLeftovers(app, executor);
        JobExecutorSettings shipped = JobExecutorSettings.of(executor);

        Backlog stockBatch = Backlog.seed(app, "bench-backlog-stock", BASELINE_BACKLOG);
        TaskExecutor ownPool = JobExecutorSettings.stock().applyTo(executor);
        Drained stock = drain(app, executor, stockBatch, JobExecutorSettings.stock());
        shipped.restore(executor, ownPool);

        Backlog ourBatch = Backlog.seed(app, "bench-backlog-loopkeeper", BACKLOG);
        Drained ours = drain(app, executor, ourBatch, shipped);
        executor.start();

        new BenchReport("sla-backlog")
                .lower(
                        "time to escalate the backlog",
                        "s",
                        ours.seconds(),
                        stock.seconds() * BACKLOG / BASELINE_BACKLOG,
                        null)
                // issue 20's goals: 100 000 due timers in 5 minutes, four times the stock executor
                .lower(
                        "time for 100 000 at this rate",
                        "s",
                        100_000 / ours.perSecond(),
                        100_000 / stock.perSecond(),
                        "<= 300 s")
                .higher("breaches escalated per second", "1/s", ours.perSecond(), stock.perSecond(), ">= 4x")
                .lower(
                        "SQL statements per breach",
                        "stmts",
                        ours.statementsPerBreach(),
                        stock.statementsPerBreach(),
                        null)
                .note(
                        "backlog (loopkeeper / baseline)",
                        BACKLOG + " / " + BASELINE_BACKLOG
                                + (BACKLOG == BASELINE_BACKLOG
                                        ? ""
                                        : "; the baseline's time is scaled to the same size"))
                .note("loopkeeper job executor", ours.settings())
                .note("baseline job executor", stock.settings())
                .note("loopkeeper profile", ours.profile())
                .note("baseline profile", stock.profile())
                .publish();
    }

    private static Drained drain(BenchApp app, JobExecutor executor, Backlog backlog, JobExecutorSettings settings)
            throws Exception {
        assertThat(backlog.fallDue())
                .as("one SLA timer per case of " + backlog.source)
                .isEqualTo(backlog.size);
        long earlier = backlog.allEscalationTasks();
        long start = System.nanoTime();
        var run = RunProfile.of(app.jdbc(), () -> {
            executor.start();
            long deadline = System.nanoTime() + TIMEOUT_MINUTES * 60_000_000_000L;
            while (backlog.allEscalationTasks() - earlier < backlog.size && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            return (System.nanoTime() - start) / 1e9;
        });
        // anything that would fire twice has had its chance to
        Thread.sleep(3000);
        executor.shutdown();
        assertThat(backlog.escalationTasks())
                .as("a Review escalation task per case")
                .isEqualTo(backlog.size);
        assertThat(backlog.breaches()).as("one breach row per timer").isEqualTo(backlog.size);
        assertThat(backlog.casesBreached()).as("every case breached").isEqualTo(backlog.size);
        assertThat(backlog.failedJobs()).as("no job failed").isZero();
        return new Drained(backlog, settings, run.result(), run.profile());
    }

    /**
     * Jobs earlier scenarios left (acknowledgements and owner alerts of intake cases) are not part of the
     * backlog: the executor stops and they go.
     */
    private static void clearLeftovers(BenchApp app, JobExecutor executor) throws InterruptedException {
        executor.shutdown();
        Thread.sleep(2000);
        app.jdbc().update("delete from ACT_RU_JOB where TYPE_ = 'message'");
    }
}
