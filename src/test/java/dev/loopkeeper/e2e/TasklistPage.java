package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loopkeeper.casework.ContactOutcome;

/**
 * The tasklist at {@code /}: a grid of my tasks and my groups' unclaimed ones, one row per task, found by the
 * customer's name. Methods are what an agent does; each returns once the server has answered.
 */
public final class TasklistPage {

    private final Page page;

    private TasklistPage(Page page) {
        this.page = page;
    }

    /** Opens the tasklist by its address, as a bookmark or a reload would. */
    public static TasklistPage open(Page page) {
        page.navigate("/");
        return shown(page);
    }

    static TasklistPage shown(Page page) {
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Tasks").setExact(true)))
                .isVisible();
        assertThat(page.locator("vaadin-grid")).isVisible();
        Vaadin.awaitIdle(page);
        return new TasklistPage(page);
    }

    /**
     * The cells of the row whose customer is this one (the names in journeys are unique). Assert on it with
     * Playwright's retrying assertions: {@code assertThat(rowOf(c)).hasCount(0)} once the row has gone.
     */
    public Locator rowOf(String customer) {
        return page.locator(Vaadin.GRID_ROW + "=" + customer);
    }

    /** Claims the customer's task and waits until the row shows it as the agent's own. */
    public TasklistPage claim(String customer) {
        clickInRow(customer, "Claim");
        assertThat(buttonInRow(customer, "Release")).isVisible();
        return this;
    }

    public TasklistPage release(String customer) {
        return clickInRow(customer, "Release");
    }

    /** Opens the dialog of a contact task the agent has claimed. */
    public ContactDialog openContactDialog(String customer) {
        buttonInRow(customer, "Log contact").click();
        return ContactDialog.shown(page, customer);
    }

    /** Logs a contact attempt with what happened and the default channel, and completes the task. */
    public TasklistPage logContact(String customer, ContactOutcome outcome) {
        return openContactDialog(customer).chooseOutcome(outcome).complete();
    }

    private TasklistPage clickInRow(String customer, String button) {
        buttonInRow(customer, button).click();
        Vaadin.awaitIdle(page);
        return this;
    }

    private Locator buttonInRow(String customer, String button) {
        return rowOf(customer).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button));
    }
}
