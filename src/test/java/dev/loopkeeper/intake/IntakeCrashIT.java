package dev.loopkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.AppProcess;
import dev.loopkeeper.RealMariaDb;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged response is durable: the app runs in a JVM of its own, takes a concurrent burst of
 * responses (several per customer), is killed with SIGKILL while requests are in flight, and is started again
 * on the same database. Every response that was answered 201 is still there with its case: posting it again
 * gives 200 with the same case, and the case has its open task. On the embedded H2 the database dies with the
 * app; on MariaDB only the app does.
 */
class IntakeCrashIT {

    private static final int RESPONSES = 400;
    private static final int CLIENTS = 8;
    private static final int CUSTOMERS = 50;
    private static final int KILL_AFTER = 120;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<AppProcess> apps = new ArrayList<>();

    @RegisterExtension
    final TestWatcher showTheAppOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            apps.forEach(app -> System.err.println(app.logTail(60)));
        }
    };

    @AfterEach
    void killTheApps() {
        apps.forEach(AppProcess::close);
    }

    @Test
    void everyAcknowledgedResponseSurvivesKillNineOnTheEmbeddedH2(@TempDir Path data) throws Exception {
        Map<String, String> settings = Map.of(
                "spring.profiles.active",
                "demo",
                "spring.datasource.url",
                "jdbc:h2:file:" + data.resolve("loopkeeper") + ";DB_CLOSE_ON_EXIT=FALSE");
        survivesKillNine("crash-h2", settings);
    }

    @Test
    void everyAcknowledgedResponseSurvivesKillNineOnMariaDb() throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("spring.profiles.active", "demo,mariadb"));
        RealMariaDb.register((name, value) -> settings.put(name, String.valueOf(value.get())));
        survivesKillNine("crash-mariadb", settings);
    }

    private void survivesKillNine(String name, Map<String, String> settings) throws Exception {
        AppProcess app = start(name + "-killed", settings);
        Burst burst = new Burst(app, name);
        burst.run();

        assertThat(burst.exitCode).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(burst.acknowledged)
                .as("responses answered 201 before the kill")
                .hasSizeGreaterThanOrEqualTo(KILL_AFTER);
        assertThat(burst.acknowledged).as("the kill cut the burst short").hasSizeLessThan(RESPONSES);
        assertThat(burst.inFlight.get())
                .as("requests sent before the kill that never got an answer")
                .isPositive();

        System.out.printf(
                "%s: SIGKILL after %d responses were acknowledged, with %d in flight%n",
                name, burst.acknowledged.size(), burst.inFlight.get());

        AppProcess restarted = start(name + "-restarted", settings);
        List<String> lost = new ArrayList<>();
        for (Map.Entry<Integer, String> acknowledged : burst.acknowledged.entrySet()) {
            int n = acknowledged.getKey();
            String caseId = acknowledged.getValue();
            HttpResponse<String> again = post(restarted, burst.responseJson(n));
            JsonNode body = json.readTree(again.body());
            if (again.statusCode() != 200
                    || body.path("created").asBoolean(true)
                    || !caseId.equals(body.path("caseId").asText())) {
                lost.add("response %d (case %s): posted again, got %d %s"
                        .formatted(n, caseId, again.statusCode(), again.body()));
                continue;
            }
            HttpResponse<String> found = get(restarted, "/api/cases/" + caseId);
            JsonNode theCase = json.readTree(found.body());
            if (found.statusCode() != 200 || theCase.path("openTasks").isEmpty()) {
                lost.add("case %s: GET answered %d %s".formatted(caseId, found.statusCode(), found.body()));
            }
        }
        assertThat(lost)
                .as(
                        "acknowledged responses that did not survive kill -9 (%d acknowledged, %d in flight,"
                                + " other answers: %s)",
                        burst.acknowledged.size(), burst.inFlight.get(), burst.refused)
                .isEmpty();
    }

    private AppProcess start(String name, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        // As in production: the job executor runs (it writes too), and each request stays quiet in the log
        all.put("camunda.bpm.job-execution.enabled", "true");
        all.put("logging.level.dev.loopkeeper.outreach", "warn");
        all.put("logging.level.org.camunda.bpm.engine.context", "off");
        AppProcess app = AppProcess.start(name, all);
        apps.add(app);
        return app;
    }

    /**
     * CLIENTS threads post RESPONSES responses from a shared counter; once KILL_AFTER are acknowledged the app
     * is killed, and the rest fail.
     */
    private final class Burst {

        private final AppProcess app;
        private final String source;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch enoughAcknowledged = new CountDownLatch(KILL_AFTER);
        private final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
        /** Answers other than 201: none expected, shown when the test fails. */
        private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
        /** Requests without an answer: refused after the kill, or cut off by it. */
        private final AtomicInteger unanswered = new AtomicInteger();
        /** Unanswered requests that were sent before the kill: the ones it cut off. */
        private final AtomicInteger inFlight = new AtomicInteger();

        private volatile long killedAt = Long.MAX_VALUE;
        private int exitCode;

        Burst(AppProcess app, String source) {
            this.app = app;
            this.source = source + "-" + System.nanoTime();
        }

        void run() throws Exception {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.execute(this::postUntilDone);
            }
            assertThat(enoughAcknowledged.await(3, TimeUnit.MINUTES))
                    .as("%d responses acknowledged before the kill", KILL_AFTER)
                    .isTrue();
            killedAt = System.nanoTime();
            exitCode = app.kill();
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES))
                    .as("every client done")
                    .isTrue();
        }

        private void postUntilDone() {
            for (int n = next.getAndIncrement(); n < RESPONSES; n = next.getAndIncrement()) {
                long sent = System.nanoTime();
                try {
                    HttpResponse<String> answer = post(app, responseJson(n));
                    if (answer.statusCode() == 201) {
                        acknowledged.put(
                                n, json.readTree(answer.body()).path("caseId").asText());
                        enoughAcknowledged.countDown();
                    } else {
                        refused.add(answer.statusCode() + " " + answer.body());
                    }
                } catch (IOException connectionLost) {
                    unanswered.incrementAndGet();
                    if (sent < killedAt) {
                        inFlight.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** Response n: a detractor or passive (so its case waits in "Contact customer"), one of CUSTOMERS. */
        String responseJson(int n) {
            return """
                    {"source":"%s","sourceEventId":"event-%d","respondedAt":"2026-11-23T09:00:00Z","score":%d,
                     "comment":"Waited 40 minutes on the hotline",
                     "customer":{"externalId":"%s-customer-%d","name":"Crash Customer %d",
                       "email":"customer%d@example.com","phone":"+34 600 123 456","preferredChannel":"phone"},
                     "properties":{"region":"EMEA","product":"Broadband"}}
                    """.formatted(source, n, n % 9, source, n % CUSTOMERS, n % CUSTOMERS, n % CUSTOMERS);
        }
    }

    private HttpResponse<String> post(AppProcess app, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(app.uri("/api/responses"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", "demo-intake-key")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(AppProcess app, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(app.uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("X-Api-Key", "demo-intake-key")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
