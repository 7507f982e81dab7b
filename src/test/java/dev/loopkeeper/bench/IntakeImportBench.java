package dev.loopkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.intake.ColumnMapping;
import dev.loopkeeper.intake.CsvImports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1b, after intake (its heap figure comes first): a CSV import of 100,000 rows (bench.import.rows) through the import screen's own service, on the shared
 * Loopkeeper app and its MariaDB. The file holds the history first (answered months ago: stored without cases), then
 * the recent 1 % (each opens a case). The rates come from the job's row, the figures the progress bar shows, sampled
 * every half second. No baseline: Camunda has no import; the goals are 2,000 history rows/s and cases at the
 * single-request rate of the intake scenario or better.
 */
class IntakeImportBench {

    static final int ROWS = BenchReport.size("bench.import.rows", 100_000);
    static final int RECENT = Math.max(1, ROWS / 100);

    record Sample(double seconds, int rowsDone, int stored, int cases) {}

    @Test
    void aHundredThousandRows() throws Exception {
        BenchApp app = BenchApp.loopkeeper();
        CsvImports imports = app.bean(CsvImports.class);
        String source = "bench-import-" + UUID.randomUUID().toString().substring(0, 6);
        Path file = Files.createTempFile("bench-import", ".csv");
        try {
            write(file, source);
            List<String> header = imports.header(file);
            ColumnMapping mapping = imports.mappingFor(source, header);
            long previewStart = System.nanoTime();
            CsvImports.Preview preview = imports.preview(source, "bench.csv", file, mapping, Duration.ofDays(14));
            double previewSeconds = (System.nanoTime() - previewStart) / 1e9;
            assertThat(preview.rows()).isEqualTo(ROWS);
            assertThat(preview.cases()).isEqualTo(RECENT);

            var profiled = RunProfile.of(app.jdbc(), () -> run(imports, preview, file, mapping));
            List<Sample> samples = profiled.result();
            Sample last = samples.get(samples.size() - 1);
            CsvImports.ImportJob job = imports.latest().stream()
                    .filter(j -> j.source().equals(source))
                    .findFirst()
                    .orElseThrow();
            assertThat(job.status()).as(String.valueOf(job.failure())).isEqualTo("done");
            assertThat(job.stored()).isEqualTo(ROWS);
            assertThat(job.cases()).isEqualTo(RECENT);

            Sample historyDone = samples.stream()
                    .filter(s -> s.rowsDone() >= ROWS - RECENT)
                    .findFirst()
                    .orElse(last);
            Sample firstRows =
                    samples.stream().filter(s -> s.rowsDone() > 0).findFirst().orElse(last);
            double historyRate = (historyDone.rowsDone() - firstRows.rowsDone())
                    / Math.max(0.001, historyDone.seconds() - firstRows.seconds());
            double caseRate =
                    (last.cases() - historyDone.cases()) / Math.max(0.001, last.seconds() - historyDone.seconds());
            double overall = ROWS / Math.max(0.001, last.seconds() - firstRows.seconds());

            new BenchReport("import")
                    .alone("history rows stored/s (progress bar)", "1/s", historyRate, ">= 2000/s")
                    .alone(
                            "cases opened/s for the recent rows (progress bar)",
                            "1/s",
                            caseRate,
                            ">= the single-request rate")
                    .alone("rows/s over the whole import", "1/s", overall, null)
                    .alone("preview of the file (reads every row, stores nothing)", "s", previewSeconds, null)
                    .alone(
                            "SQL statements per row",
                            "stmts",
                            ((Number) profiled.profile().get("sqlStatements")).doubleValue() / ROWS,
                            null)
                    .note("rows", ROWS)
                    .note("recent rows (cases)", RECENT)
                    .note("seconds from start to done", last.seconds())
                    .note("profile", profiled.profile())
                    .publish();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<Sample> run(CsvImports imports, CsvImports.Preview preview, Path file, ColumnMapping mapping)
            throws InterruptedException {
        UUID id = imports.start(preview, file, mapping, "bench");
        long start = System.nanoTime();
        List<Sample> samples = new ArrayList<>();
        while (true) {
            CsvImports.ImportJob job = imports.job(id).orElseThrow();
            samples.add(new Sample((System.nanoTime() - start) / 1e9, job.rowsDone(), job.stored(), job.cases()));
            if (job.finished() || samples.size() > 2 * 3600) {
                return samples;
            }
            Thread.sleep(500);
        }
    }

    /** Our own column layout: history first, then the recent rows; customers repeat, as they do. */
    private static void write(Path file, String source) throws java.io.IOException {
        Instant old = Instant.now().minus(300, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant recent = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (var out = Files.newBufferedWriter(file)) {
            out.write("source_event_id,responded_at,score,comment,customer_external_id,customer_name,customer_email,"
                    + "customer_tier,customer_lifetime_value,properties.region,properties.product\n");
            for (int i = 0; i < ROWS; i++) {
                boolean isRecent = i >= ROWS - RECENT;
                int customer = i % 20_000;
                out.write(source + "-" + i + "," + (isRecent ? recent.plusSeconds(i % 3600) : old.plusSeconds(i * 60L))
                        + "," + (i % 11) + ",\"Comment " + i + ", on the delivery\"," + source + "-C" + customer
                        + ",Customer " + customer + ",c" + customer + "@example.com,"
                        + (customer % 3 == 0 ? "gold" : "standard") + ",1200.50,EMEA,Broadband\n");
            }
        }
    }
}
