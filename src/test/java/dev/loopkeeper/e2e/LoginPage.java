package dev.loopkeeper.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** {@code /login}: Vaadin's LoginForm, posting to Spring Security's form login. */
public final class LoginPage {

    private final Page page;

    private LoginPage(Page page) {
        this.page = page;
    }

    public static LoginPage open(Page page) {
        page.navigate("/login");
        Vaadin.awaitIdle(page);
        return new LoginPage(page);
    }

    /** Signs in and waits for the main layout of the page the user lands on. */
    public MainLayoutPage signIn(String user, String password) {
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in").setExact(true)).click();
        return MainLayoutPage.shown(page);
    }
}
