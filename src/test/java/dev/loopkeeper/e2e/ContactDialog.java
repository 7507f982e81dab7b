package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loopkeeper.casework.ContactOutcome;

/** "Contact CUSTOMER": how the contact went, on which channel, with notes; then complete the task or cancel. */
public final class ContactDialog {

    private final Page page;
    private final Locator dialog;

    private ContactDialog(Page page, Locator dialog) {
        this.page = page;
        this.dialog = dialog;
    }

    static ContactDialog shown(Page page, String customer) {
        Locator dialog = page.getByRole(
                AriaRole.DIALOG,
                new Page.GetByRoleOptions().setName("Contact " + customer).setExact(true));
        assertThat(dialog).isVisible();
        // Vaadin marks an overlay "opening" until its animation ends; act and take pictures after it
        assertThat(dialog).not().hasAttribute("opening", "");
        Vaadin.awaitIdle(page);
        return new ContactDialog(page, dialog);
    }

    /** The outcome by the label the agent reads, which the dialog takes from the same enum. */
    public ContactDialog chooseOutcome(ContactOutcome outcome) {
        dialog.getByRole(
                        AriaRole.RADIO,
                        new Locator.GetByRoleOptions().setName(outcome.label()).setExact(true))
                .check();
        return this;
    }

    /** "Phone", "Email" or "SMS"; phone is chosen when the dialog opens. */
    public ContactDialog chooseChannel(String channel) {
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Channel used"))
                .click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(channel).setExact(true))
                .click();
        assertThat(page.locator("vaadin-select-overlay[opened]")).hasCount(0);
        return this;
    }

    public ContactDialog writeNotes(String notes) {
        dialog.getByLabel("Notes").fill(notes);
        return this;
    }

    /** Completes the contact task; returns once the server has taken it and the dialog has closed. */
    public TasklistPage complete() {
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Complete task").setExact(true))
                .click();
        Vaadin.awaitIdle(page);
        assertThat(dialog).isHidden();
        return TasklistPage.shown(page);
    }

    public TasklistPage cancel() {
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Cancel").setExact(true))
                .click();
        assertThat(dialog).isHidden();
        return TasklistPage.shown(page);
    }

    /** The dialog itself, for assertions on what it shows. */
    public Locator root() {
        return dialog;
    }
}
