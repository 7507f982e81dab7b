package dev.loopkeeper.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * {@code /models/drafts/ID}: a draft in the browser editor for its kind (bpmn-js, dmn-js's decision table or
 * form-js), with the toolbar that saves, checks and deploys it.
 */
public final class ModelEditorPage {

    private final Page page;

    private ModelEditorPage(Page page) {
        this.page = page;
    }

    static ModelEditorPage shown(Page page) {
        page.waitForURL("**/models/drafts/*");
        Vaadin.awaitIdle(page);
        return new ModelEditorPage(page);
    }

    /** The BPMN diagram, once bpmn-js has drawn it. */
    public Locator bpmnElement(String elementId) {
        Locator element = page.locator("lk-bpmn-editor .djs-element[data-element-id='" + elementId + "']");
        element.waitFor();
        return element;
    }

    /** The heading of bpmn-js's properties panel: the name of the selected element. */
    public Locator propertiesHeader() {
        return page.locator("lk-bpmn-editor .bio-properties-panel-header-label");
    }

    /** Opens a group of the properties panel ("General", "User assignment", ...) and returns the panel. */
    public Locator openPropertiesGroup(String title) {
        page.locator("lk-bpmn-editor .bio-properties-panel-group-header")
                .filter(new Locator.FilterOptions().setHasText(title))
                .click();
        return page.locator("lk-bpmn-editor .lk-properties");
    }

    /** A cell of dmn-js's decision table, by its element id (an input or output entry of a rule). */
    public Locator decisionCell(String entryId) {
        Locator cell = page.locator("lk-dmn-editor td[data-element-id='" + entryId + "']");
        cell.waitFor();
        return cell;
    }

    /**
     * Replaces what a decision table cell says, as a process owner does: click into the cell (dmn-js opens its FEEL
     * editor, CodeMirror, there), select the line, type the new text, click outside. CodeMirror closes a quote when
     * one is typed and steps over it when the closing one is typed, so the text is typed as it should read.
     */
    public ModelEditorPage changeDecisionCell(String entryId, String text) {
        Locator cell = decisionCell(entryId);
        cell.locator(".content-editable").click();
        Locator feel = cell.locator(".cm-content");
        feel.press("End");
        feel.press("Shift+Home");
        feel.pressSequentially(text);
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2))
                .click();
        return this;
    }

    /** form-js's editor, once it has drawn the form. */
    public Locator formField(String label) {
        Locator field = page.locator("lk-form-editor .fjs-form-field")
                .filter(new Locator.FilterOptions().setHasText(label))
                .first();
        field.waitFor();
        return field;
    }

    /** Deploys with a note; returns to the library once the engine has taken it. */
    public ModelLibraryPage deploy(String note) {
        button("Deploy…").click();
        Locator dialog = page.locator("vaadin-confirm-dialog-overlay");
        dialog.getByLabel("What changed, and why").fill(note);
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Deploy").setExact(true))
                .click();
        page.waitForURL("**/models?model=**");
        return ModelLibraryPage.shown(page);
    }

    /** Throws the draft away and goes back to the library. */
    public ModelLibraryPage discard() {
        button("Discard").click();
        page.locator("vaadin-confirm-dialog-overlay")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Discard").setExact(true))
                .click();
        page.waitForURL("**/models");
        return ModelLibraryPage.shown(page);
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
