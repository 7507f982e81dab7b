package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An agent who works without a mouse: signs in, finds the case in the tasklist, claims it, logs the contact and
 * the resolution with Tab, arrows, Enter and typing alone. Where the focus cannot go, the journey fails and
 * says where it went instead.
 */
class KeyboardBrowserIT extends BrowserJourney {

    @Test
    void anAgentClaimsContactsAndResolvesACaseWithTheKeyboardAlone() {
        String customer = uniqueCustomer("Kira Keyboard");
        UUID caseId = postResponse(response(customer, 2));
        Keyboard keys = new Keyboard(page);

        LoginPage.open(page);
        keys.tabTo("Username")
                .type("fiona")
                .tabTo("Password")
                .type(DEMO_PASSWORD)
                .press("Enter");
        MainLayoutPage.shown(page);
        TasklistPage.shown(page);

        // into the grid's rows, down to the customer's, and Enter opens the case
        keys.tabTo("grid-body", 60).pressUntil("ArrowDown", customer, 200).press("Enter");
        page.waitForURL(Pattern.compile(".*/cases/" + caseId));
        assertThat(page.getByText("The loop so far")).isVisible();
        Vaadin.awaitIdle(page);

        keys.tabTo("Claim", 80).press("Enter");
        assertThat(page.locator("#field-channelUsed")).isVisible();

        keys.tabTo("field-channelUsed", 80)
                .press("Enter")
                .pressUntil("ArrowDown", "Email", 6)
                .press("Enter");
        assertThat(page.locator("vaadin-select-overlay[opened]")).hasCount(0);
        assertThat(page.locator("#field-channelUsed")).containsText("Email");
        // Tab enters the radio group on its first choice; Space checks the one that has the focus
        keys.tabTo("field-contactOutcome")
                .pressUntil("ArrowDown", "Reached the customer", 8)
                .press("Space");
        keys.tabTo("Complete contact customer").press("Enter");
        assertThat(notification("Done. Next: Log resolution, yours")).isVisible();

        keys.tabTo("field-resolutionSummary", 100).type("Refund was stuck in approval; pushed it through by phone.");
        keys.tabTo("field-rootCause")
                .press("Enter")
                .pressUntil("ArrowDown", "Billing", 12)
                .press("Enter");
        assertThat(page.locator("#field-rootCause")).containsText("Billing");
        keys.tabTo("field-why1").type("The refund waited for a manual approval");
        keys.tabTo("Complete log resolution").press("Enter");
        assertThat(notification("Done. The loop is closed: resolved.")).isVisible();

        JsonNode state = caseState(caseId);
        assertThat(state.get("status").asText()).isEqualTo("closed");
        assertThat(state.get("closedAs").asText()).isEqualTo("resolved");
    }

    private Locator notification(String text) {
        return page.locator("vaadin-notification-card").getByText(text);
    }
}
