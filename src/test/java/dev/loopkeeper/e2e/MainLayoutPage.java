package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;

/** The frame around every signed-in view: who is signed in, the menu of the views they may open, log out. */
public final class MainLayoutPage {

    private final Page page;

    private MainLayoutPage(Page page) {
        this.page = page;
    }

    static MainLayoutPage shown(Page page) {
        assertThat(page.locator("vaadin-app-layout")).isVisible();
        Vaadin.awaitIdle(page);
        return new MainLayoutPage(page);
    }

    /** The user name in the header. */
    public Locator signedInUser() {
        return page.getByLabel("Signed in as");
    }

    /** The titles in the navigation menu, top to bottom. */
    public List<String> menu() {
        // an entry may carry a count badge after its label: the label is the first line
        return menuItems().allInnerTexts().stream()
                .map(text -> text.strip().split("\\R")[0].strip())
                .toList();
    }

    public TasklistPage openTasklist() {
        menuItem("Tasklist").click();
        return TasklistPage.shown(page);
    }

    public LoginPage logOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        page.waitForURL("**/login**");
        Vaadin.awaitIdle(page);
        return LoginPage.open(page);
    }

    Locator menuItem(String title) {
        return menuItems().filter(new Locator.FilterOptions().setHasText(title));
    }

    private Locator menuItems() {
        return page.locator("vaadin-side-nav-item");
    }
}
