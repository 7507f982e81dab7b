package dev.loopkeeper.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** {@code /models}: the process owner's library of processes, decision tables and forms. */
public final class ModelLibraryPage {

    private final Page page;

    private ModelLibraryPage(Page page) {
        this.page = page;
    }

    public static ModelLibraryPage open(Page page) {
        page.navigate("/models");
        return shown(page);
    }

    static ModelLibraryPage shown(Page page) {
        page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Models").setExact(true))
                .waitFor();
        Vaadin.awaitIdle(page);
        return new ModelLibraryPage(page);
    }

    /** Opens the latest version of the model with this name (as the library lists it) in its editor. */
    public ModelEditorPage editLatest(String modelName) {
        page.locator(Vaadin.GRID_ROW + "=" + modelName).first().click();
        Vaadin.awaitIdle(page);
        // versions are listed newest first, each with its own Edit button
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Edit").setExact(true))
                .first()
                .click();
        return ModelEditorPage.shown(page);
    }

    /** The notes of the listed versions, as deployers wrote them. */
    public Locator versionNote(String note) {
        return page.locator(Vaadin.GRID_ROW + "=" + note);
    }
}
