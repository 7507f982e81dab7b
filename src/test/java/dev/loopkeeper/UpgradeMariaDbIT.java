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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A database the previous release made upgrades cleanly. The previous release's schema is built as that release
 * built it: Flyway with the migrations it shipped ({@link ReleasedMigrations#PREVIOUS_RELEASE}) and the engine's own
 * MariaDB scripts for its tables, with a customer and an open case in our rows. Then this release starts on it:
 * Flyway applies every newer migration in order (one numbered below a released one would be refused here, as in
 * production), the engine's schema update runs over its existing tables, and the old case and customer are still
 * served next to a case opened after the upgrade. (This tree's code never runs on the old schema: it may need tables
 * the old one lacks, as an old release's code would not.)
 */
class UpgradeMariaDbIT {

    private static final String[] ENGINE_SCRIPTS = {
        "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history"
    };

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
        String openedBefore = UUID.randomUUID().toString();
        previousRelease(settings, openedBefore);
        assertThat(migrations(settings)).last().isEqualTo(ReleasedMigrations.PREVIOUS_RELEASE);

        AppProcess after = start("upgrade-current", settings);
        List<String> applied = migrations(settings);
        assertThat(applied.subList(applied.indexOf(ReleasedMigrations.PREVIOUS_RELEASE) + 1, applied.size()))
                .as("every migration of this release applied, in order, after the previous release's")
                .isEqualTo(ReleasedMigrations.current());
        assertThat(failedMigrations(settings)).isZero();

        HttpResponse<String> kept = get(after, "/api/cases/" + openedBefore);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(kept.body()).contains("Uma Upgrade");
        HttpResponse<String> customer = get(after, "/api/customers?externalId=UPGRADE-1");
        assertThat(customer.statusCode()).as(customer.body()).isEqualTo(200);
        JsonNode opened = json.readTree(
                get(after, "/api/cases/" + caseOf(post(after, "UPGRADE-2"))).body());
        assertThat(opened.path("openTasks"))
                .as("a case opened after the upgrade")
                .isNotEmpty();
    }

    /** The schema and rows the previous release left: its migrations, the engine's tables, a customer with a case. */
    private static void previousRelease(Map<String, String> settings, String caseId) throws Exception {
        Flyway.configure()
                .dataSource(
                        settings.get("spring.datasource.url"),
                        settings.get("spring.datasource.username"),
                        settings.get("spring.datasource.password"))
                .locations("classpath:db/migration", "classpath:db/mariadb")
                .placeholders(Map.of("instant", "datetime(6)", "text", "longtext", "binary", "longblob"))
                .target(ReleasedMigrations.PREVIOUS_RELEASE)
                .load()
                .migrate();
        try (Connection db = connect(settings)) {
            for (String script : ENGINE_SCRIPTS) {
                ScriptUtils.executeSqlScript(
                        db,
                        new ClassPathResource(
                                "org/camunda/bpm/engine/db/create/activiti.mysql.create." + script + ".sql"));
            }
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            JdbcTemplate rows = new JdbcTemplate(new SingleConnectionDataSource(db, true));
            rows.update("""
                    insert into follow_up_case (id, status, segment, score, customer_external_id, customer_name,
                      customer_email, preferred_channel, region, responded_at, opened_at, version)
                    values (?, 'OPEN', 'DETRACTOR', 3, 'UPGRADE-1', 'Uma Upgrade', 'uma@example.com', 'EMAIL', 'EMEA',
                      ?, ?, 0)
                    """, caseId, now, now);
            rows.update("""
                    insert into customer (id, external_id, name, email, created_at, updated_at, version)
                    values (?, 'UPGRADE-1', 'Uma Upgrade', 'uma@example.com', ?, ?, 0)
                    """, UUID.randomUUID().toString(), now, now);
        }
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
