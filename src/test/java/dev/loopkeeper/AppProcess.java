package dev.loopkeeper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loopkeeper in a JVM of its own, as it runs in production, so that a test can kill it with SIGKILL: started
 * from the test's class path on a free port with the given settings, its output in
 * {@code target/app-processes/NAME.log}. Closing it kills it too, and so does the end of the test JVM.
 */
public final class AppProcess implements AutoCloseable {

    private static final Path LOGS = Path.of("target", "app-processes");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the app with these Spring properties (as command-line arguments, so they win over
     * application.yml) and returns once its health endpoint says UP.
     */
    public static AppProcess start(String name, Map<String, String> properties) throws Exception {
        int port = freePort();
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // start-up time matters more here than peak speed
                "-XX:TieredStopAtLevel=1",
                "-Xmx768m",
                "-cp",
                testClassPath(),
                LoopkeeperApplication.class.getName(),
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                // an empty demo: the crash tests count what they sent
                "--loopkeeper.demo.seed=false",
                // No Vaadin frontend build from here: a killed JVM would leave its npm and vite processes behind
                "--vaadin.productionMode=true"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        AppProcess app = new AppProcess(process, port, log);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        try {
            app.awaitHealthy();
        } catch (Exception | AssertionError e) {
            app.close();
            throw e;
        }
        return app;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no graceful close of the database. Returns the exit code. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the app wrote, for a failure message. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return "--- last %d lines of %s ---%n%s"
                    .formatted(
                            Math.min(lines, all.size()),
                            log,
                            String.join(
                                    System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitHealthy() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "The app exited with " + process.exitValue() + " while starting\n" + logTail(80));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app did not become healthy within " + START_TIMEOUT + "\n" + logTail(80));
    }

    /**
     * The test JVM's class path without empty entries: failsafe's ends with one, which a JVM reads as the
     * working directory, and the engine would then deploy bpmn/ twice (from there and from target/classes).
     */
    private static String testClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
