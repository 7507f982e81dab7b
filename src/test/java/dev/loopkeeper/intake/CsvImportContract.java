package dev.loopkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CSV import end to end, on whatever database the subclass gives it: a file of 10,000 rows with bad rows mixed in is
 * previewed (nothing stored), imported in the background (old rows as history, recent ones as cases), and imported
 * again without changing anything.
 */
abstract class CsvImportContract {

    static final int ROWS = 10_000;
    /** Every 100th row is bad in one of four ways. */
    static final int BAD = ROWS / 100;
    /** Every 250th row answered yesterday: it opens a case; the rest answered months ago. */
    static final int RECENT = ROWS / 250;

    @Autowired
    CsvImports imports;

    @Autowired
    JdbcTemplate db;

    @Autowired
    RuntimeService runtime;

    @TempDir
    Path dir;

    @Test
    void tenThousandRowsArePreviewedImportedAndImportedAgainWithoutChange() throws Exception {
        String source = "export-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = file(source);
        List<String> header = imports.header(file);
        ColumnMapping mapping = imports.mappingFor(source, header);
        assertThat(mapping.missing()).isEmpty();
        assertThat(mapping.properties()).containsEntry("region", "properties.region");
        Map<String, Long> beforePreview = stored();

        CsvImports.Preview preview = imports.preview(source, "responses.csv", file, mapping, Duration.ofDays(14));

        assertThat(stored()).as("a preview stores nothing").isEqualTo(beforePreview);
        assertThat(preview.rows()).isEqualTo(ROWS);
        assertThat(preview.refused()).isEqualTo(BAD);
        assertThat(preview.cases()).isEqualTo(RECENT);
        assertThat(preview.history()).isEqualTo(ROWS - BAD - RECENT);
        assertThat(preview.already()).isZero();
        assertThat(preview.problems()).extracting(CsvImports.RowProblem::line).startsWith(101, 201, 301, 401);
        assertThat(preview.problems())
                .extracting(CsvImports.RowProblem::column)
                .startsWith("score", "customer_email", "responded_at", "source_event_id");
        assertThat(preview.problems().get(0).message()).isEqualTo("must be less than or equal to 10 (was 11)");

        CsvImports.ImportJob done = importAndWait(preview, file, mapping);

        assertThat(done.status()).as(String.valueOf(done.failure())).isEqualTo("done");
        assertThat(done.rowsDone()).isEqualTo(ROWS);
        assertThat(done.stored()).isEqualTo(ROWS - BAD);
        assertThat(done.cases()).isEqualTo(RECENT);
        assertThat(done.refused()).isEqualTo(BAD);
        assertThat(imports.problemsOf(done.id())).hasSize(BAD);
        assertThat(count("select count(*) from feedback_response where source = ?", source))
                .isEqualTo(ROWS - BAD);
        assertThat(count("select count(*) from feedback_response where source = ? and history", source))
                .isEqualTo(ROWS - BAD - RECENT);
        assertThat(count("select count(*) from follow_up_case where source = ?", source))
                .isEqualTo(RECENT);
        assertThat(count(
                        "select count(*) from response_property p join feedback_response r on r.id = p.response_id "
                                + "where r.source = ? and p.prop_name = 'region'",
                        source))
                .isEqualTo(ROWS - BAD);
        assertThat(count(
                        "select count(*) from import_file_part where job_id = ?",
                        done.id().toString()))
                .isZero();

        // The same file again: the preview says so, and the import changes nothing
        Map<String, Long> afterFirst = stored();
        CsvImports.Preview again =
                imports.preview(source, "responses.csv", file, imports.mappingFor(source, header), Duration.ofDays(14));
        assertThat(again.importedBefore()).isNotNull();
        assertThat(again.already()).isEqualTo(ROWS - BAD);
        assertThat(again.cases() + again.history()).isZero();

        CsvImports.ImportJob second = importAndWait(again, file, mapping);

        assertThat(second.stored()).isZero();
        assertThat(second.already()).isEqualTo(ROWS - BAD);
        Map<String, Long> afterSecond = stored();
        afterSecond.remove("import_job");
        afterSecond.remove("import_problem");
        afterFirst.remove("import_job");
        afterFirst.remove("import_problem");
        assertThat(afterSecond).isEqualTo(afterFirst);
    }

    @Test
    void anOldRowFillsGapsInWhatWeKnowOfACustomerButNeverOverwritesIt() throws Exception {
        String source = "gaps-" + UUID.randomUUID().toString().substring(0, 8);
        String customer = "C-" + UUID.randomUUID();
        Path file = dir.resolve("gaps.csv");
        Files.writeString(
                file,
                "source_event_id,responded_at,score,customer_external_id,customer_name,customer_email\n"
                        + "r1,2024-01-10T10:00:00Z,8,%s,Old Name,old@example.com\n".formatted(customer));
        db.update(
                "insert into customer (id, external_id, name, email, created_at, updated_at, version) "
                        + "values (?, ?, 'Current Name', null, current_timestamp, current_timestamp, 0)",
                UUID.randomUUID().toString(),
                customer);

        importAndWait(preview(source, file), file, imports.mappingFor(source, imports.header(file)));

        assertThat(db.queryForMap("select name, email from customer where external_id = ?", customer))
                .containsValues("Current Name", "old@example.com");
    }

    @Test
    void quotedLineBreaksAByteOrderMarkSemicolonsAndSpreadsheetTimesAreRead() throws Exception {
        String source = "excel-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("excel.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "Response ID;Date;Score;Comment;Email;Name\r\n"
                + "x1;2024-03-01 09:30:00 +0100;3;\"Line one\nline two; with a semicolon\";ana@example.com;Ana\r\n"
                + "x2;1709281800;9;\"She said \"\"thanks\"\"\";ben@example.com;Ben\r\n";
        Files.write(file, concat(bom, text.getBytes(StandardCharsets.UTF_8)));

        CsvImports.ImportJob done =
                importAndWait(preview(source, file), file, imports.mappingFor(source, imports.header(file)));

        assertThat(done.stored()).isEqualTo(2);
        assertThat(db.queryForObject(
                        "select comment from feedback_response where source = ? and source_event_id = 'x1'",
                        String.class,
                        source))
                .isEqualTo("Line one\nline two; with a semicolon");
        assertThat(db.queryForObject(
                        "select comment from feedback_response where source = ? and source_event_id = 'x2'",
                        String.class,
                        source))
                .isEqualTo("She said \"thanks\"");
        assertThat(db.queryForObject(
                        "select c.external_id from customer c join feedback_response r on r.customer_id = "
                                + "c.id where r.source = ? and r.source_event_id = 'x1'",
                        String.class,
                        source))
                .isEqualTo("ana@example.com");
    }

    @Test
    void aFileThatIsNotCsvCannotBeImported() throws Exception {
        Path file = dir.resolve("broken.csv");
        Files.writeString(
                file,
                "source_event_id,responded_at,score,customer_external_id\n"
                        + "r1,2024-01-10T10:00:00Z,8,\"never closed\n");

        CsvImports.Preview preview = preview("broken", file);

        assertThat(preview.unreadable()).contains("cannot be read as CSV");
        assertThatThrownBy(
                        () -> imports.start(preview, file, imports.mappingFor("broken", imports.header(file)), "paula"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowLongerThanAMillionCharactersIsRefusedInsteadOfHeldInMemoryWhole() throws Exception {
        Path file = dir.resolve("gigantic.csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("source_event_id,responded_at,score,customer_external_id,comment\n");
            out.write("r1,2024-01-10T10:00:00Z,8,c1,fine\n");
            out.write("r2,2024-01-10T10:00:00Z,3,c2,\"");
            // one cell of three million characters over short lines: no line is long, the row is
            String line = "x".repeat(99) + "\n";
            for (int i = 0; i < 30_000; i++) {
                out.write(line);
            }
            out.write("\"\nr3,2024-01-10T10:00:00Z,9,c3,ok\n");
        }

        CsvImports.Preview preview = preview("gigantic", file);

        assertThat(preview.unreadable())
                .contains("cannot be read as CSV after line 2")
                .contains("longer than 1,000,000 characters");
        assertThatThrownBy(() ->
                        imports.start(preview, file, imports.mappingFor("gigantic", imports.header(file)), "paula"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUtf16FileWithItsByteOrderMarkIsReadAsWellAsUtf8() throws Exception {
        String text = "source_event_id,responded_at,score,comment,customer_external_id\r\n"
                + "u1,2024-03-01T09:30:00Z,3,Tr\u00e8s d\u00e9\u00e7u \u2014 \u65e5\u672c,c-u1\r\n";
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path file = dir.resolve("unicode-" + charset.name() + ".csv");
            byte[] bom = "\uFEFF".getBytes(charset);
            Files.write(file, concat(bom, text.getBytes(charset)));

            assertThat(imports.header(file))
                    .containsExactly("source_event_id", "responded_at", "score", "comment", "customer_external_id");
            CsvImports.Preview preview = preview("utf16", file);
            assertThat(preview.unreadable()).isNull();
            assertThat(preview.rows()).isOne();
            assertThat(preview.refused()).as(preview.problems().toString()).isZero();
        }
    }

    @Test
    void aHeaderNamingAColumnTwiceCannotBeImportedAndSaysWhichColumn() throws Exception {
        Path file = dir.resolve("twice.csv");
        Files.writeString(
                file,
                "source_event_id,responded_at,score,score,customer_external_id\n" + "d1,2024-01-10T10:00:00Z,8,9,c1\n");
        Map<String, Long> before = stored();

        assertThatThrownBy(() -> imports.header(file))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("score")
                .hasMessageContaining("more than once");
        ColumnMapping mapping = new ColumnMapping(
                Map.of(
                        ImportField.SOURCE_EVENT_ID, "source_event_id",
                        ImportField.RESPONDED_AT, "responded_at",
                        ImportField.SCORE, "score",
                        ImportField.CUSTOMER_ID, "customer_external_id"),
                Map.of());
        CsvImports.Preview preview = imports.preview("twice", "twice.csv", file, mapping, Duration.ofDays(14));

        assertThat(preview.unreadable()).contains("score");
        assertThatThrownBy(() -> imports.start(preview, file, mapping, "paula"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMappingNamingAColumnTheFileLacksCannotBeImported() throws Exception {
        Path file = dir.resolve("lacking.csv");
        Files.writeString(
                file, "source_event_id,responded_at,score,customer_external_id\n" + "l1,2024-01-10T10:00:00Z,8,c1\n");
        ColumnMapping mapping = new ColumnMapping(
                Map.of(
                        ImportField.SOURCE_EVENT_ID, "source_event_id",
                        ImportField.RESPONDED_AT, "responded_at",
                        ImportField.SCORE, "nps",
                        ImportField.CUSTOMER_ID, "customer_external_id"),
                Map.of("region", "Region"));
        Map<String, Long> before = stored();

        CsvImports.Preview preview = imports.preview("lacking", "lacking.csv", file, mapping, Duration.ofDays(14));

        assertThat(preview.unreadable()).contains("nps").contains("Region");
        assertThatThrownBy(() -> imports.start(preview, file, mapping, "paula"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anEmptyFileAHeaderAloneAndBinaryBytesAreNeitherImportedNorAFailure() throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.write(empty, new byte[0]);
        Path headerOnly = dir.resolve("header.csv");
        Files.writeString(headerOnly, "source_event_id,responded_at,score,customer_external_id\r\n");
        Path binary = dir.resolve("image.csv");
        byte[] noise = new byte[20_000];
        new java.util.Random(7).nextBytes(noise);
        Files.write(binary, noise);
        Map<String, Long> before = stored();

        for (Path file : List.of(empty, headerOnly, binary)) {
            ColumnMapping mapping;
            try {
                mapping = imports.mappingFor("odd", imports.header(file));
            } catch (RuntimeException refused) {
                continue; // the import screen shows this as "not CSV"
            }
            CsvImports.Preview preview =
                    imports.preview("odd", file.getFileName().toString(), file, mapping, Duration.ofDays(14));
            assertThat(preview.importable() && preview.refused() < preview.rows())
                    .as(file.getFileName().toString())
                    .isFalse();
            if (!preview.importable()) {
                assertThatThrownBy(() -> imports.start(preview, file, mapping, "paula"))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void rowProblemsAreReportedPerRowAndAFormulaIsKeptAsText() throws Exception {
        String source = "rows-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("rows.csv");
        Files.writeString(
                file,
                "source_event_id,responded_at,score,comment,customer_external_id\n"
                        + "r1,2024-01-10T10:00:00Z,8,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",c1\n"
                        + "r2,2024-01-10T10:00:00Z,eleven,,c2\n"
                        + "r3,0000-01-01T00:00:00Z,5,,c3\n"
                        + "r4,2024-01-10T10:00:00Z,5," + "x".repeat(4001) + ",c4\n"
                        + "r5,2024-01-10T10:00:00Z,5,,\n");

        CsvImports.Preview preview = preview(source, file);

        assertThat(preview.rows()).isEqualTo(5);
        assertThat(preview.refused()).isEqualTo(4);
        assertThat(preview.problems())
                .extracting(CsvImports.RowProblem::line, CsvImports.RowProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "score"),
                        org.assertj.core.groups.Tuple.tuple(4, "responded_at"),
                        org.assertj.core.groups.Tuple.tuple(5, "comment"),
                        org.assertj.core.groups.Tuple.tuple(6, "customer_external_id"));
        CsvImports.ImportJob done = importAndWait(preview, file, imports.mappingFor(source, imports.header(file)));
        assertThat(done.stored()).isOne();
        assertThat(db.queryForObject(
                        "select comment from feedback_response where source = ? and source_event_id = 'r1'",
                        String.class,
                        source))
                .isEqualTo("=HYPERLINK(\"https://evil.example\",\"x\")");
    }

    CsvImports.Preview preview(String source, Path file) {
        return imports.preview(
                source,
                file.getFileName().toString(),
                file,
                imports.mappingFor(source, imports.header(file)),
                Duration.ofDays(14));
    }

    CsvImports.ImportJob importAndWait(CsvImports.Preview preview, Path file, ColumnMapping mapping) {
        UUID job = imports.start(preview, file, mapping, "paula");
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> imports.job(job).orElseThrow().finished());
        return imports.job(job).orElseThrow();
    }

    /**
     * Our own layout, with one bad row in every hundred, and one row in 250 from yesterday, each of a customer of its
     * own (a customer's second low score would join their open case instead of opening one).
     */
    Path file(String source) throws IOException {
        StringBuilder csv = new StringBuilder("source_event_id,responded_at,score,comment,customer_external_id,"
                + "customer_name,customer_email,customer_tier,customer_lifetime_value,properties.region\n");
        Instant old = Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 1; i <= ROWS; i++) {
            String id = source + "-" + i;
            String when = (i % 250 == 125 ? yesterday : old.plusSeconds(i)).toString();
            String score = String.valueOf(i % 11);
            String customer = i % 250 == 125 ? "R" + i : String.valueOf(i % 2000);
            String email = "c" + customer + "@example.com";
            if (i % 100 == 0) {
                switch ((i / 100) % 4) {
                    case 1 -> score = "11";
                    case 2 -> email = "not-an-email";
                    case 3 -> when = "last tuesday";
                    default -> id = "";
                }
            }
            csv.append(id)
                    .append(',')
                    .append(when)
                    .append(',')
                    .append(score)
                    .append(",\"Row ")
                    .append(i)
                    .append(", with a comma\",")
                    .append(source)
                    .append("-C")
                    .append(customer)
                    .append(",Customer ")
                    .append(customer)
                    .append(',')
                    .append(email)
                    .append(",gold,1200.50,EMEA\n");
        }
        Path file = dir.resolve(source + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    Map<String, Long> stored() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of(
                "customer",
                "feedback_response",
                "response_property",
                "follow_up_case",
                "import_job",
                "import_problem")) {
            counts.put(table, db.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put("process instances", runtime.createProcessInstanceQuery().count());
        return counts;
    }

    int count(String sql, Object... args) {
        return db.queryForObject(sql, Integer.class, args);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
