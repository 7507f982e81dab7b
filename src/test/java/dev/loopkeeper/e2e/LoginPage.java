package dev.loopkeeper.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;

/** {@code /login}: Vaadin's LoginForm, posting to Spring Security's form login. */
public final class LoginPage {

    private final Page page;

    private LoginPage(Page page) {
        this.page = page;
    }

    public static LoginPage open(Page page) {
        page.navigate("/login");
        // On a fresh checkout the first page is Vaadin's "building the development bundle" notice (npm install
        // and Vite, minutes on 2 cores), which reloads itself into the login form when the bundle is ready
        page.locator("input[name=username]")
                .waitFor(new Locator.WaitForOptions()
                        .setTimeout(Duration.ofMinutes(8).toMillis()));
        Vaadin.awaitIdle(page);
        return new LoginPage(page);
    }

    /** Signs in and waits for the main layout of the page the user lands on. */
    public MainLayoutPage signIn(String user, String password) {
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Log in").setExact(true))
                .click();
        return MainLayoutPage.shown(page);
    }
}
