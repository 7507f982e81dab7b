package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import dev.loopkeeper.reporting.ReportCounts;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The reports on the demo's months of history: an admin reads NPS with its margins and the loop's numbers,
 * exports a table, and drills from a month's NPS down to its cases; a supervisor sees the loop without NPS. The
 * README's pictures of the reports come from here.
 */
@TestPropertySource(properties = {"loopkeeper.demo.seed=true", "loopkeeper.outreach.demo-mail-log-only=true"})
class ReportsBrowserIT extends BrowserJourney {

    @Autowired
    ReportCounts counts;

    /** The demo's year is counted in the background within seconds of the start; the journey does not wait for it. */
    @BeforeEach
    void demoCounted() {
        counts.countChanges();
    }

    @Test
    void anAdminReadsNpsAndTheLoopExportsATableAndDrillsDownToAMonthsCases() throws Exception {
        MainLayoutPage layout = signIn("ada");
        layout.menuItem("Reports").click();
        Vaadin.awaitIdle(page);

        assertThat(page).hasURL(Pattern.compile(".*/reports"));
        assertThat(page.locator("#nps-summary")).containsText("NPS");
        assertThat(page.locator("#revenue-formula")).containsText("lifetime value × churn probability");
        // ECharts draws on a canvas inside the chart element; the tables beside them carry the same figures
        assertThat(page.locator("lk-chart canvas").first()).isVisible();
        assertThat(page.locator("#follow-up vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("detractor"))
                        .first())
                .isVisible();
        screenshot("reports-leader");

        Download download = page.waitForDownload(() -> page.locator("#nps-csv").click());
        List<String> lines = Files.readAllLines(download.path());
        assertThat(lines.get(0)).startsWith("Period,All,Responses,Promoters,Passives,Detractors,NPS,");
        assertThat(lines).hasSizeGreaterThan(2);

        // the demo's clock is today's; the page counts in the browser's zone, UTC here. The month before this one:
        // the seeded history fills it on any day, while early on the 1st this month may have no case yet
        String previousMonth =
                java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1).toString();
        Locator lastMonth = page.locator("#nps a[aria-label='Cases behind " + previousMonth + "']");
        lastMonth.click();
        Vaadin.awaitIdle(page);
        assertThat(page).hasURL(Pattern.compile(".*/cases\\?openedFrom=\\d{4}-\\d{2}-\\d{2}&openedTo=.*"));
        assertThat(page.getByText(Pattern.compile("^[1-9][0-9]* cases?$"))).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("Open|Closed")))
                        .first())
                .isVisible();
        screenshot("reports-drilldown");
    }

    @Test
    void aSupervisorSeesTheLoopPerGroupAndPerAgentWithoutNps() {
        MainLayoutPage layout = signIn("sam");
        layout.menuItem("Reports").click();
        Vaadin.awaitIdle(page);

        assertThat(page.locator("#follow-up")).isVisible();
        assertThat(page.locator("#agents")).isVisible();
        assertThat(page.locator("#nps")).hasCount(0);
        screenshot("reports-supervisor");

        // on a phone: the line that says how current the counts are wraps inside the screen, nothing scrolls sideways
        page.setViewportSize(390, 844);
        Vaadin.awaitIdle(page);
        Locator freshness = page.getByText(Pattern.compile("^Counted at .*within a few seconds\\.$"));
        assertThat(freshness).isVisible();
        assertThat(freshness.boundingBox().x + freshness.boundingBox().width).isLessThanOrEqualTo(390);
        assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);
        screenshot("reports-supervisor-390");
    }
}
