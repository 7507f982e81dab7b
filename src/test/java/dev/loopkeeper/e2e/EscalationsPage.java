package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The supervisors' queue of breached cases at {@code /supervision/escalations}, one row per case. */
public final class EscalationsPage {

    private final Page page;

    private EscalationsPage(Page page) {
        this.page = page;
    }

    public static EscalationsPage open(Page page) {
        page.navigate("/supervision/escalations");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Escalations").setExact(true)))
                .isVisible();
        Vaadin.awaitIdle(page);
        return new EscalationsPage(page);
    }

    /** The cells of the breached case of this customer (names in journeys are unique). */
    public Locator rowOf(String customer) {
        return page.locator(Vaadin.GRID_ROW + "=" + customer);
    }

    /**
     * Reassigns the customer's case to a person or group with a reason, through the row's dialog; returns once
     * the server has taken the decision and the dialog has closed.
     */
    public EscalationsPage reassign(String customer, String to, String reason) {
        rowOf(customer)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reassign…"))
                .click();
        Locator dialog = page.getByRole(
                AriaRole.DIALOG,
                new Page.GetByRoleOptions().setName("Reassign " + customer).setExact(true));
        assertThat(dialog).isVisible();
        assertThat(dialog).not().hasAttribute("opening", "");
        Locator person =
                dialog.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("To a person or a group"));
        person.fill(to);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(to).setExact(true))
                .click();
        dialog.getByLabel("Reason (recorded with the breach)").fill(reason);
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Reassign").setExact(true))
                .click();
        Vaadin.awaitIdle(page);
        assertThat(dialog).isHidden();
        return this;
    }

    public Locator notification(String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text));
    }
}
