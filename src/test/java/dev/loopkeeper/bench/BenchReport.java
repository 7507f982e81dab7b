package dev.loopkeeper.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one scenario: printed as a table, written to {@code target/bench/<scenario>.json}.
 * Each row sets Loopkeeper beside its baseline; the ratio says how many times better Loopkeeper is
 * (higher-is-better figures divide Loopkeeper by baseline, lower-is-better ones the other way round).
 */
final class BenchReport {

    record Row(String metric, String unit, double loopkeeper, Double baseline, Double ratio, String goal) {}

    private final String scenario;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();

    BenchReport(String scenario) {
        this.scenario = scenario;
    }

    /** A figure where more is better (throughput). */
    BenchReport higher(String metric, String unit, double loopkeeper, double baseline, String goal) {
        rows.add(new Row(metric, unit, loopkeeper, baseline, baseline == 0 ? null : loopkeeper / baseline, goal));
        return this;
    }

    /** A figure where less is better (latency, time). */
    BenchReport lower(String metric, String unit, double loopkeeper, double baseline, String goal) {
        rows.add(new Row(metric, unit, loopkeeper, baseline, loopkeeper == 0 ? null : baseline / loopkeeper, goal));
        return this;
    }

    /** A figure without a baseline. */
    BenchReport alone(String metric, String unit, double loopkeeper, String goal) {
        rows.add(new Row(metric, unit, loopkeeper, null, null, goal));
        return this;
    }

    BenchReport note(String key, Object value) {
        notes.put(key, value);
        return this;
    }

    void publish() {
        StringBuilder table = new StringBuilder("\n== Benchmark: " + scenario + " ==\n");
        table.append(String.format(
                Locale.ROOT,
                "%-44s %-8s %12s %12s %8s  %s%n",
                "metric",
                "unit",
                "loopkeeper",
                "baseline",
                "ratio",
                "goal"));
        for (Row row : rows) {
            table.append(String.format(
                    Locale.ROOT,
                    "%-44s %-8s %12s %12s %8s  %s%n",
                    row.metric(),
                    row.unit(),
                    number(row.loopkeeper()),
                    row.baseline() == null ? "-" : number(row.baseline()),
                    row.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2fx", row.ratio()),
                    row.goal() == null ? "" : row.goal()));
        }
        notes.forEach((key, value) ->
                table.append("  ").append(key).append(": ").append(value).append('\n'));
        System.out.println(table);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario);
        json.put("measuredAt", Instant.now().toString());
        json.put(
                "machine",
                Map.of(
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "maxHeapMiB",
                        Runtime.getRuntime().maxMemory() >> 20,
                        "java",
                        System.getProperty("java.version"),
                        "os",
                        System.getProperty("os.name")));
        json.put("rows", rows);
        json.put("notes", notes);
        try {
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve(scenario + ".json").toFile(), json);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the figures of " + scenario, e);
        }
    }

    private static String number(double value) {
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A system property with a default, for scenario sizes (-Dbench.backlog=100000). */
    static int size(String property, int fallback) {
        return Integer.getInteger(property, fallback);
    }
}
