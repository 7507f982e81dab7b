package dev.loopkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database the previous release made upgrades cleanly: the app runs with the migrations that release shipped
 * ({@link ReleasedMigrations#PREVIOUS_RELEASE}) and takes a response, then this release starts on the same MariaDB.
 * Flyway applies the newer migrations (a new migration numbered below a released one would be refused here, as it
 * would be in production), the engine's schema update runs over its existing tables, and the case opened before the
 * upgrade is still there with its task, next to a new one.
 */
class UpgradeMariaDbIT {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AppProcess> apps = new ArrayList<>();

    @AfterEach
    void stopTheApps() {
        apps.forEach(AppProcess::close);
    }

    @Test
    void theDatabaseOfThePreviousReleaseUpgradesCleanly() throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("spring.profiles.active", "demo,mariadb"));
        RealMariaDb.register((name, value) -> settings.put(name, String.valueOf(value.get())));

        Map<String, String> previous = new HashMap<>(settings);
        previous.put("spring.flyway.target", ReleasedMigrations.PREVIOUS_RELEASE);
        AppProcess before = start("upgrade-previous", previous);
        String openedBefore = caseOf(post(before, "before-upgrade"));
        assertThat(migrations(settings)).last().isEqualTo(ReleasedMigrations.PREVIOUS_RELEASE);
        before.close();

        AppProcess after = start("upgrade-current", settings);
        List<String> applied = migrations(settings);
        assertThat(applied.subList(applied.indexOf(ReleasedMigrations.PREVIOUS_RELEASE) + 1, applied.size()))
                .as("every migration of this release applied, in order, after the previous release's")
                .isEqualTo(ReleasedMigrations.current());
        assertThat(failedMigrations(settings)).isZero();

        JsonNode kept = json.readTree(get(after, "/api/cases/" + openedBefore).body());
        assertThat(kept.path("openTasks"))
                .as("the case opened before the upgrade, with its task")
                .isNotEmpty();
        JsonNode opened = json.readTree(
                get(after, "/api/cases/" + caseOf(post(after, "after-upgrade"))).body());
        assertThat(opened.path("openTasks")).as("a case opened after it").isNotEmpty();
    }

    private AppProcess start(String name, Map<String, String> settings) throws Exception {
        AppProcess app = AppProcess.start(name, settings);
        apps.add(app);
        return app;
    }

    /** The versions Flyway recorded, in the order it applied them. */
    private static List<String> migrations(Map<String, String> settings) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection db = connect(settings);
                ResultSet rows = db.createStatement()
                        .executeQuery("select version from flyway_schema_history where version is not null"
                                + " order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static int failedMigrations(Map<String, String> settings) throws Exception {
        try (Connection db = connect(settings);
                ResultSet rows = db.createStatement()
                        .executeQuery("select count(*) from flyway_schema_history where not success")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection connect(Map<String, String> settings) throws Exception {
        return DriverManager.getConnection(
                settings.get("spring.datasource.url"),
                settings.get("spring.datasource.username"),
                settings.get("spring.datasource.password"));
    }

    private static String caseOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new ObjectMapper().readTree(response.body()).path("caseId").asText();
    }

    private HttpResponse<String> post(AppProcess app, String customer) throws Exception {
        String body = """
                {"source":"upgrade-test","sourceEventId":"%s","respondedAt":"2026-11-23T09:00:00Z","score":3,
                 "comment":"Still waiting for the engineer",
                 "customer":{"externalId":"%s","name":"Uma Upgrade","email":"uma@example.com"}}
                """.formatted(UUID.randomUUID(), customer);
        return http.send(
                HttpRequest.newBuilder(app.uri("/api/responses"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", "demo-intake-key")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(AppProcess app, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(app.uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("X-Api-Key", "demo-intake-key")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
