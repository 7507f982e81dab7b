package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A process owner imports a CSV export in the browser: uploads it, checks the columns it mapped itself, previews
 * what it would do (with the refused rows), imports it, reloads the page while it runs, and watches it finish.
 */
class ImportBrowserIT extends BrowserJourney {

    static final int ROWS = 3000;

    @Autowired
    JdbcTemplate db;

    @TempDir
    Path dir;

    @Test
    void aProcessOwnerImportsAnExportAndItsProgressSurvivesAReload() throws Exception {
        String source = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = export(source);
        String fileName = file.getFileName().toString();

        MainLayoutPage layout = signIn("paula");
        assertThat(layout.menu()).contains("Import responses");
        ImportPage imports = ImportPage.open(page).source(source).upload(file);
        assertThat(imports.mappedColumn("SOURCE_EVENT_ID")).hasText("Response ID");
        assertThat(imports.mappedColumn("RESPONDED_AT")).hasText("Response Timestamp");
        assertThat(imports.mappedColumn("CUSTOMER_ID")).hasText("Email");

        imports.preview();
        assertThat(imports.count("rows")).hasText(grouped(ROWS) + " rows");
        assertThat(imports.count("will be refused")).hasText("30 will be refused");
        assertThat(imports.count("will open cases")).hasText("30 will open cases");
        assertThat(imports.refusedRow("101")).not().hasCount(0);
        screenshot("import-preview");

        imports.startImport();
        assertThat(imports.importOf(fileName).first()).isVisible();
        page.reload();
        ImportPage reloaded = ImportPage.shown(page);
        assertThat(reloaded.progressOf(fileName)).isVisible();
        screenshot("import-progress");

        Locator done = reloaded.importOf(fileName).getByText("done", new Locator.GetByTextOptions().setExact(true));
        done.waitFor(
                new Locator.WaitForOptions().setTimeout(Duration.ofMinutes(3).toMillis()));
        assertThat(reloaded.progressOf(fileName))
                .hasAttribute("aria-label", fileName + ": " + grouped(ROWS) + " of " + grouped(ROWS) + " rows");
        assertThat(reloaded.importOf(fileName)
                        .getByText(grouped(ROWS - 30) + " stored, 30 cases, 0 already there, 30 refused"))
                .isVisible();
        assertThat(db.queryForObject("select count(*) from follow_up_case where source = ?", Integer.class, source))
                .isEqualTo(30);
        screenshot("import-done");
    }

    /** A count as the screen writes it in English: 3,000. */
    private static String grouped(int count) {
        return String.format(java.util.Locale.ENGLISH, "%,d", count);
    }

    /** Delighted's export columns, one row in a hundred bad, one in a hundred from yesterday. */
    private Path export(String source) throws IOException {
        StringBuilder csv = new StringBuilder("Response ID,Response Timestamp,Score,Comment,Email,Name,Region\n");
        Instant old = Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 1; i <= ROWS; i++) {
            String when = (i % 100 == 50 ? yesterday : old.plusSeconds(i)).getEpochSecond() + "";
            String score = i % 100 == 0 ? "eleven" : String.valueOf(i % 11);
            // each recent row a customer of its own: a second low score of one customer joins their open case
            int person = i % 100 == 50 ? i : i % 500;
            csv.append(source)
                    .append('-')
                    .append(i)
                    .append(',')
                    .append(when)
                    .append(',')
                    .append(score)
                    .append(",\"Comment ")
                    .append(i)
                    .append("\",person")
                    .append(person)
                    .append("@example.com,Person ")
                    .append(person)
                    .append(",EMEA\n");
        }
        Path file = dir.resolve(source + ".csv");
        Files.writeString(file, csv);
        return file;
    }
}
