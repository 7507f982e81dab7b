package dev.loopkeeper.bench;

import dev.loopkeeper.LoopkeeperApplication;
import dev.loopkeeper.StatementCounter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on a real Tomcat and a fresh MariaDB database, as production runs it (demo users,
 * job executor on), in one of two setups. The Loopkeeper app is shared by the scenarios of one run.
 */
final class BenchApp implements AutoCloseable {

    enum Setup {
        /** application.yml as shipped. */
        LOOPKEEPER,
        /**
         * Camunda's Spring Boot starter defaults where application.yml tunes the engine: history level full,
         * the starter's job executor. The pool is not Hikari's default 10: our outreach jobs hold two
         * connections each (the job's and the send-once log's own), so the starter's 10 job threads on 10
         * connections starve each other and every request for 30 s at a time (measured: 0.75 responses/s), a
         * deadlock of our code under those settings rather than the cost of the engine's defaults.
         */
        STOCK
    }

    /**
     * The starter's defaults (JobExecutionProperty, DefaultJobExecutor), spelled out; a pool of two connections
     * per job thread, one per client and one for acquisition.
     */
    static final Map<String, Object> STOCK_SETTINGS = Map.of(
            "camunda.bpm.history-level", "full",
            "camunda.bpm.job-execution.core-pool-size", 3,
            "camunda.bpm.job-execution.max-pool-size", 10,
            "camunda.bpm.job-execution.queue-capacity", 3,
            "camunda.bpm.job-execution.max-jobs-per-acquisition", 3,
            "camunda.bpm.job-execution.wait-time-in-millis", 5000,
            "camunda.bpm.job-execution.max-wait", 60000,
            "camunda.bpm.job-execution.lock-time-in-millis", 300000,
            "spring.datasource.hikari.maximum-pool-size", 30);

    private static BenchApp shared;

    final Setup setup;
    final ConfigurableApplicationContext context;

    private BenchApp(Setup setup, ConfigurableApplicationContext context) {
        this.setup = setup;
        this.context = context;
    }

    /** The Loopkeeper app of this run, started on first use and left running for the next scenario. */
    static synchronized BenchApp loopkeeper() {
        if (shared == null) {
            shared = start(Setup.LOOPKEEPER);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    static BenchApp start(Setup setup) {
        Map<String, Object> properties =
                new HashMap<>(BenchDatabase.fresh(setup.name().toLowerCase()));
        properties.put("server.port", 0);
        properties.put("spring.main.banner-mode", "off");
        // the benchmarks seed what they measure; not the demo's history
        properties.put("loopkeeper.demo.seed", false);
        // 10k demo emails and retried jobs would measure the log, not the app
        properties.put("logging.level.dev.loopkeeper.outreach", "warn");
        properties.put("logging.level.org.camunda.bpm.engine.jobexecutor", "error");
        properties.put("logging.level.org.camunda.bpm.engine.context", "off");
        properties.put("vaadin.devmode.usageStatistics.enabled", false);
        if (setup == Setup.STOCK) {
            properties.putAll(STOCK_SETTINGS);
        }
        // as command-line arguments: they win over application.yml, as an operator's settings would
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        LoopkeeperApplication.class, StatementCounter.class)
                .profiles("demo", "mariadb")
                .run(arguments);
        awaitFrontendBuild();
        return new BenchApp(setup, context);
    }

    /**
     * Vaadin's development mode builds the frontend bundle in the background when it finds none up to date (a
     * fresh clone): npm and Vite on one of the machine's two cores for a minute and a half, while the app already
     * answers. Measured before that ends, a run measures the bundle build as much as the app (runs differed by a
     * third, and a p99 of 3 s at 30/s); so a run starts once no node process of this JVM is left.
     */
    private static void awaitFrontendBuild() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        boolean told = false;
        while (System.nanoTime() < deadline && frontendBuildRunning()) {
            if (!told) {
                System.out.println("[bench] waiting for Vaadin's frontend bundle build to finish before measuring");
                told = true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean frontendBuildRunning() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .anyMatch(process -> process.info()
                        .command()
                        .map(command -> command.contains("node") || command.contains("npm"))
                        .orElse(false));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    ProcessEngine engine() {
        return context.getBean(ProcessEngine.class);
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
