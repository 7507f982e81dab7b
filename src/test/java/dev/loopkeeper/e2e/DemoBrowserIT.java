package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo as a newcomer meets it: months of seeded history on the first start. A frontline agent finds a closed
 * case by the customer's name and exports the search, looks a caller up and opens a case by hand; a supervisor lands
 * on the escalations. The screens are photographed at the widths people use (the README's pictures come from here),
 * and the pills are coloured, not plain text.
 */
@TestPropertySource(properties = {"loopkeeper.demo.seed=true", "loopkeeper.outreach.demo-mail-log-only=true"})
class DemoBrowserIT extends BrowserJourney {

    @Test
    void theTasklistIsFullItsPillsAreColouredAndItFitsEveryWidth() {
        MainLayoutPage layout = signIn("fiona");
        assertThat(page).hasURL(baseUrl() + "/");
        assertThat(layout.menu()).contains("Tasklist", "Cases", "Customers");

        Locator score =
                page.locator("vaadin-grid-cell-content span[theme~='badge']").first();
        assertThat(score).isVisible();
        String background = (String) score.evaluate("e => getComputedStyle(e).backgroundColor");
        assertThat(background).as("Lumo's badge style is loaded").isNotIn("rgba(0, 0, 0, 0)", "transparent");

        for (int width : List.of(1280, 1440, 1920)) {
            page.setViewportSize(width, 900);
            Vaadin.awaitIdle(page);
            assertThat(overflow("vaadin-grid"))
                    .as("at %d px the tasklist's columns fit beside its actions", width)
                    .isLessThanOrEqualTo(2);
            screenshot("demo-tasklist-" + width);
        }
        page.setViewportSize(390, 844);
        page.reload();
        TasklistPage.shown(page);
        assertThat(page.locator("vaadin-details").first()).not().hasAttribute("opened", "");
        screenshot("demo-tasklist-390");
    }

    @Test
    void aClosedCaseIsFoundByTheCustomersNameAndTheSearchExports() throws Exception {
        MainLayoutPage layout = signIn("fiona");
        layout.menuItem("Cases").click();
        Vaadin.awaitIdle(page);
        page.getByLabel("Search cases").fill("john smith");
        page.getByLabel("Search cases").press("Enter");
        Vaadin.awaitIdle(page);

        assertThat(page).hasURL(Pattern.compile(".*/cases\\?q=john(\\+|%20)smith"));
        assertThat(page.locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Closed:"))
                        .first())
                .isVisible();
        assertThat(page.getByText("John Smith").first()).isVisible();
        screenshot("demo-cases");

        Download download =
                page.waitForDownload(() -> page.locator("#export-cases").click());
        List<String> lines = Files.readAllLines(download.path());
        assertThat(lines.get(0)).startsWith("case_id,state,closed_as");
        assertThat(lines)
                .hasSizeGreaterThan(2)
                .allSatisfy(line -> assertThat(line).isNotBlank());
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line).contains("John Smith"));

        page.setViewportSize(390, 844);
        Vaadin.awaitIdle(page);
        screenshot("demo-cases-390");
    }

    @Test
    void aCallerIsLookedUpAndACaseOpenedByHandGoesThroughTheProcess() {
        MainLayoutPage layout = signIn("fiona");
        layout.menuItem("Customers").click();
        Vaadin.awaitIdle(page);
        page.getByLabel("Search customers").fill("john smith");
        page.getByLabel("Search customers").press("Enter");
        Vaadin.awaitIdle(page);
        page.locator(Vaadin.GRID_ROW + "=John Smith").first().click();
        Vaadin.awaitIdle(page);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("John Smith")))
                .isVisible();
        assertThat(page.locator("#customer-responses")).isVisible();
        assertThat(page.locator("#customer-cases")).isVisible();
        assertThat(page.locator("#customer-contacts")).isVisible();
        assertThat(page.getByText("history").first()).isVisible();
        screenshot("demo-customer");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open a case"))
                .click();
        Locator dialog = page.locator("vaadin-dialog-overlay");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open case"))
                .click();
        Vaadin.awaitIdle(page);
        assertThat(dialog.getByText("Say why the customer wants to be contacted"))
                .isVisible();
        dialog.getByLabel("Reason").fill("Called the hotline: wants someone to go through the last bill with him");
        screenshot("demo-manual-case-dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open case"))
                .click();
        Vaadin.awaitIdle(page);

        assertThat(page).hasURL(Pattern.compile(".*/cases/[0-9a-f-]{36}"));
        assertThat(page.getByText("Contact customer").first()).isVisible();
        assertThat(page.getByText("go through the last bill").first()).isVisible();
        screenshot("demo-manual-case");
    }

    @Test
    void aSupervisorLandsOnTheEscalationsAndAProcessOwnerOnTheModels() {
        MainLayoutPage sam = signIn("sam");
        assertThat(page).hasURL(baseUrl() + "/supervision/escalations");
        assertThat(page.locator("vaadin-grid-cell-content span[theme~='badge']").first())
                .isVisible();
        screenshot("demo-escalations");
        page.navigate("/supervision/diagram");
        Vaadin.awaitIdle(page);
        assertThat(page.locator("lk-process-diagram .lk-count").first()).isVisible();
        screenshot("demo-diagram");

        sam.logOut().signIn("paula", DEMO_PASSWORD);
        assertThat(page).hasURL(baseUrl() + "/models");
    }

    /** How much wider the grid's table is than the grid: columns hidden behind the frozen ones, or a scroll bar. */
    private int overflow(String grid) {
        return ((Number) page.locator(grid)
                        .first()
                        .evaluate("g => { const t = g.shadowRoot.querySelector('#table'); "
                                + "return t.scrollWidth - t.clientWidth; }"))
                .intValue();
    }
}
