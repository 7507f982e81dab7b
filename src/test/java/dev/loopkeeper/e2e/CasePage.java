package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;

/**
 * The case screen at {@code /cases/{id}}: the task at hand with its form, the loop so far, the customer.
 * Methods are what an agent does; each returns once the server has answered.
 */
public final class CasePage {

    private final Page page;

    private CasePage(Page page) {
        this.page = page;
    }

    public static CasePage open(Page page, UUID caseId) {
        page.navigate("/cases/" + caseId);
        assertThat(page.getByText("The loop so far")).isVisible();
        Vaadin.awaitIdle(page);
        return new CasePage(page);
    }

    public CasePage claim() {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Claim").setExact(true))
                .click();
        Vaadin.awaitIdle(page);
        return this;
    }

    /** What the task card says while the case waits (e.g. when the next attempt is due). */
    public Locator waiting() {
        return page.locator("#waiting");
    }

    /** Fills the contact form: the outcome by its label, the channel by its label. */
    public CasePage contact(String outcome, String channel) {
        page.locator("#field-channelUsed").click();
        page.locator("vaadin-select-overlay[opened] vaadin-select-item")
                .getByText(channel, new Locator.GetByTextOptions().setExact(true))
                .click();
        assertThat(page.locator("vaadin-select-overlay[opened]")).hasCount(0);
        page.locator("#field-contactOutcome")
                .getByText(outcome, new Locator.GetByTextOptions().setExact(true))
                .click();
        return complete("Complete contact customer");
    }

    /** Fills the resolution form: what happened, the root cause by its label, the first why. */
    public CasePage logResolution(String summary, String rootCause, String why) {
        page.locator("#field-resolutionSummary textarea").fill(summary);
        page.locator("#field-rootCause").click();
        page.locator("vaadin-select-overlay[opened] vaadin-select-item")
                .getByText(rootCause, new Locator.GetByTextOptions().setExact(true))
                .click();
        assertThat(page.locator("vaadin-select-overlay[opened]")).hasCount(0);
        page.locator("#field-why1 input").fill(why);
        return complete("Complete log resolution");
    }

    /** The notification that says what comes next, after a completion. */
    public Locator notification(String text) {
        return page.locator("vaadin-notification-card").getByText(text);
    }

    private CasePage complete(String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
        Vaadin.awaitIdle(page);
        return this;
    }
}
