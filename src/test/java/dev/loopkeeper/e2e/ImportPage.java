package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;

/** {@code /import}: a CSV file in, its columns mapped, a preview, then the import and its progress. */
public final class ImportPage {

    private final Page page;

    private ImportPage(Page page) {
        this.page = page;
    }

    static ImportPage open(Page page) {
        page.navigate("/import");
        return shown(page);
    }

    static ImportPage shown(Page page) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import responses")))
                .isVisible();
        Vaadin.awaitIdle(page);
        return new ImportPage(page);
    }

    /** Types a source name of one's own into the source box. */
    public ImportPage source(String source) {
        Locator box = page.locator("vaadin-combo-box")
                .filter(new Locator.FilterOptions().setHasText("Source"))
                .locator("input");
        box.fill(source);
        box.press("Enter");
        Vaadin.awaitIdle(page);
        return this;
    }

    /** Uploads the file and waits for the column mapping to show. */
    public ImportPage upload(Path file) {
        page.locator("vaadin-upload input[type=file]").setInputFiles(file);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")))
                .isVisible();
        Vaadin.awaitIdle(page);
        return this;
    }

    /** The column a field is mapped to, as its select shows it. */
    public Locator mappedColumn(String field) {
        return page.locator("vaadin-select[data-field=" + field + "] vaadin-select-value-button");
    }

    public ImportPage preview() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview"))
                .click();
        assertThat(page.locator("h3").filter(new Locator.FilterOptions().setHasText("Preview of")))
                .isVisible();
        Vaadin.awaitIdle(page);
        return this;
    }

    /** One of the preview's counts ("rows", "will open cases", "will be refused", ...). */
    public Locator count(String what) {
        return page.getByLabel(what, new Page.GetByLabelOptions().setExact(true));
    }

    public Locator refusedRow(String line) {
        return page.locator(Vaadin.GRID_ROW + "=" + line);
    }

    public ImportPage startImport() {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Import [\\d,]+ rows$")))
                .click();
        Vaadin.awaitIdle(page);
        return this;
    }

    /** The cells of the file's row in the list of imports. */
    public Locator importOf(String fileName) {
        return page.locator(Vaadin.GRID_ROW + "=" + fileName);
    }

    public Locator progressOf(String fileName) {
        return page.locator("vaadin-progress-bar[aria-label^='" + fileName + ":']");
    }
}
