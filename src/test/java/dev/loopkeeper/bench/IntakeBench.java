package dev.loopkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1, intake: concurrent survey tools posting responses of every segment through our intake API,
 * against the same model started through stock {@code /engine-rest} on an app with the starter's settings.
 * A response's claimable task is created in the request's transaction, so a 201 (200) means it exists;
 * afterwards the open "Contact customer" tasks are counted against the responses that should have one.
 */
class IntakeBench {

    static final int CLIENTS = BenchReport.size("bench.intake.clients", 8);
    static final int SECONDS = BenchReport.size("bench.intake.seconds", 30);
    static final int WARMUP_SECONDS = BenchReport.size("bench.intake.warmup", 10);
    static final int RATE = BenchReport.size("bench.intake.rate", 30);
    static final int RATE_SECONDS = BenchReport.size("bench.intake.rateSeconds", 20);

    record Figures(IntakeLoad.Outcome closed, IntakeLoad.Outcome open, Map<String, Object> profile) {}

    @Test
    void intakeApiAgainstEngineRest() throws Exception {
        Figures stock;
        try (BenchApp app = BenchApp.start(BenchApp.Setup.STOCK)) {
            stock = run(app, IntakeDoor.engineRest(app.port()));
        }
        BenchApp loopkeeper = BenchApp.loopkeeper();
        Figures ours = run(loopkeeper, IntakeDoor.intakeApi(loopkeeper.port()));
        double heap = RunProfile.heapAfterGcMiB();

        new BenchReport("intake")
                .higher(
                        "responses/s, " + CLIENTS + " clients",
                        "1/s",
                        ours.closed().perSecond(),
                        stock.closed().perSecond(),
                        ">= 3x")
                .lower(
                        "latency p50, " + CLIENTS + " clients",
                        "ms",
                        ours.closed().latencies().percentileMillis(50),
                        stock.closed().latencies().percentileMillis(50),
                        null)
                .lower(
                        "latency p95, " + CLIENTS + " clients",
                        "ms",
                        ours.closed().latencies().percentileMillis(95),
                        stock.closed().latencies().percentileMillis(95),
                        null)
                .lower(
                        "latency p99, " + CLIENTS + " clients",
                        "ms",
                        ours.closed().latencies().percentileMillis(99),
                        stock.closed().latencies().percentileMillis(99),
                        null)
                .lower(
                        "latency p50 at " + RATE + "/s (open loop)",
                        "ms",
                        ours.open().latencies().percentileMillis(50),
                        stock.open().latencies().percentileMillis(50),
                        null)
                .lower(
                        "latency p95 at " + RATE + "/s (open loop)",
                        "ms",
                        ours.open().latencies().percentileMillis(95),
                        stock.open().latencies().percentileMillis(95),
                        null)
                .lower(
                        "latency p99 at " + RATE + "/s (open loop)",
                        "ms",
                        ours.open().latencies().percentileMillis(99),
                        stock.open().latencies().percentileMillis(99),
                        "<= 50 ms")
                .higher(
                        "achieved rate at " + RATE + "/s offered",
                        "1/s",
                        ours.open().perSecond(),
                        stock.open().perSecond(),
                        null)
                .lower(
                        "SQL statements per response (run, incl. jobs)",
                        "stmts",
                        perResponse(ours),
                        perResponse(stock),
                        null)
                .alone("app heap after intake (after GC)", "MiB", heap, null)
                .note("loopkeeper closed loop", describe(ours.closed()))
                .note("baseline closed loop", describe(stock.closed()))
                .note("loopkeeper open loop", describe(ours.open()))
                .note("baseline open loop", describe(stock.open()))
                .note("loopkeeper profile", ours.profile())
                .note("baseline profile", stock.profile())
                .publish();
    }

    private static Figures run(BenchApp app, IntakeDoor door) throws Exception {
        NpsResponses responses =
                new NpsResponses("bench-intake-" + app.setup.name().toLowerCase());
        if (app.setup == BenchApp.Setup.STOCK) {
            // more than the stock door gets through in the three phases together
            responses.prepareCases(app.jdbc(), 200 * (WARMUP_SECONDS + SECONDS) + RATE * RATE_SECONDS);
        }
        IntakeLoad.Outcome warmup = IntakeLoad.closedLoop(door, responses, CLIENTS, WARMUP_SECONDS);
        var closed = RunProfile.of(app.jdbc(), () -> IntakeLoad.closedLoop(door, responses, CLIENTS, SECONDS));
        double drained = drainJobs(app);
        IntakeLoad.Outcome open = IntakeLoad.openLoop(door, responses, RATE, RATE_SECONDS);

        Integer tasks = app.jdbc()
                .queryForObject(
                        "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_ContactCustomer'", Integer.class);
        int expected = warmup.tasksExpected() + closed.result().tasksExpected() + open.tasksExpected();
        int uncertain = warmup.tasksUncertain() + closed.result().tasksUncertain() + open.tasksUncertain();
        assertThat(tasks)
                .as(
                        "a claimable task for every stored response that should have one (%s), plus at most"
                                + " one for each of the %d the client gave up on",
                        door.name(), uncertain)
                .isBetween(expected, expected + uncertain);
        assertThat(closed.result().ok() + open.ok())
                .as("responses %s stored in the measured phases", door.name())
                .isPositive();
        Map<String, Object> profile = new java.util.LinkedHashMap<>(closed.profile());
        profile.put("secondsToDrainJobsAfterClosedLoop", drained);
        return new Figures(closed.result(), open, profile);
    }

    /**
     * Waits until the jobs the closed loop left (acknowledgements, alerts) have run, so that the open loop measures
     * 30 responses a second on an app in its steady state, not one still working off the minute before (it had
     * measured seconds at p99 for both doors). How long that took is in the profile.
     */
    private static double drainJobs(BenchApp app) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            Integer waiting = app.jdbc()
                    .queryForObject(
                            "select count(*) from ACT_RU_JOB where DUEDATE_ is null and RETRIES_ > 0", Integer.class);
            if (waiting == null || waiting == 0) {
                break;
            }
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double perResponse(Figures figures) {
        return ((Number) figures.profile().get("sqlStatements")).doubleValue()
                / Math.max(1, figures.closed().ok());
    }

    private static String describe(IntakeLoad.Outcome outcome) {
        return "%d stored, %d failed or timed out in %.1f s"
                .formatted(outcome.ok(), outcome.failed(), outcome.seconds());
    }
}
