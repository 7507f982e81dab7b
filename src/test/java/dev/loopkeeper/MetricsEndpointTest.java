package dev.loopkeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loopkeeper.sla.BreachLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's view: the Prometheus endpoint, read only with the scraper's token, names the loop's metrics and
 * counts what happened; the health probes stay open for load balancers and orchestrators; nothing else of the actuator
 * is served.
 */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// Spring Boot's tests export no metrics unless asked: this one is about exporting them
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "loopkeeper.metrics.refresh=PT0.2S")
class MetricsEndpointTest {

    private static final String TOKEN = "demo-metrics-token";

    @LocalServerPort
    int port;

    @Autowired
    BreachLog breaches;

    @Autowired
    TransactionTemplate transactions;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theMetricsNeedTheScrapersToken() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Bearer wrong-token").statusCode())
                .isEqualTo(401);
        // a signed-in user's credentials are not a scraper's, whatever their role
        String admin = "Basic " + Base64.getEncoder().encodeToString("ada:demo".getBytes(StandardCharsets.UTF_8));
        assertThat(get("/actuator/prometheus", admin).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = get("/actuator/prometheus", "Bearer " + TOKEN.substring(1));
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).doesNotContain("loopkeeper_");
    }

    @Test
    void nothingElseOfTheActuatorIsServed() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator"}) {
            assertThat(get(path, "Bearer " + TOKEN).statusCode()).as(path).isIn(403, 404);
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void probesAreOpen() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(probe, null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void theLoopsMetricsCountWhatHappened() throws Exception {
        double receivedBefore =
                value(scrape(), "loopkeeper_responses_received_total", "became=\"case\"", "segment=\"detractor\"");
        double openBefore = value(scrape(), "loopkeeper_cases_open", "segment=\"detractor\"");

        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/responses"))
                        .header("X-Api-Key", "demo-intake-key")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"source":"metrics-test","sourceEventId":"%s","respondedAt":"2026-11-23T09:00:00Z",
                                 "score":2,"comment":"Nobody called back",
                                 "customer":{"externalId":"M-%s","name":"Mia Metrics","email":"mia@example.com"}}
                                """.formatted(UUID.randomUUID(), UUID.randomUUID())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isIn(200, 201);
        transactions.executeWithoutResult(tx -> breaches.record(
                UUID.randomUUID(),
                "no-instance",
                "Task_ReviewEscalation",
                Instant.now().minusSeconds(60),
                "team-emea",
                null,
                "detractor",
                "Mia Metrics"));

        String metrics = scrape();
        assertThat(value(metrics, "loopkeeper_responses_received_total", "became=\"case\"", "segment=\"detractor\""))
                .isEqualTo(receivedBefore + 1);
        assertThat(value(metrics, "loopkeeper_sla_breaches_total", "step=\"Task_ReviewEscalation\""))
                .isGreaterThanOrEqualTo(1);
        // read from the database on the gauges' next round: the new case is open, its acknowledgement job is due
        // (no job executor in tests), and its contact task waits for someone to claim it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String now = scrape();
            assertThat(value(now, "loopkeeper_cases_open", "segment=\"detractor\""))
                    .isEqualTo(openBefore + 1);
            assertThat(value(now, "loopkeeper_jobs_due")).isGreaterThanOrEqualTo(1);
            assertThat(value(now, "loopkeeper_tasks_unclaimed")).isGreaterThanOrEqualTo(1);
        });
        assertThat(metrics)
                .contains(
                        "loopkeeper_jobs_failed",
                        "loopkeeper_jobs_oldest_due_age_seconds",
                        "loopkeeper_tasks_oldest_unclaimed_age_seconds",
                        "loopkeeper_incidents_open{application=\"loopkeeper\",type=\"failedJob\"}",
                        // the intake's rate, errors and latency by status, with buckets for quantiles across nodes
                        "http_server_requests_seconds_bucket",
                        "uri=\"/api/responses\"",
                        // the engine's and the pool's own
                        "hikaricp_connections_active",
                        "jvm_memory_used_bytes");
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return response.body();
    }

    /** The value of the first sample of a metric whose labels contain all of the given ones; 0 if none. */
    private static double value(String metrics, String name, String... labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$")
                .matcher(metrics);
        while (sample.find()) {
            String found = sample.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
