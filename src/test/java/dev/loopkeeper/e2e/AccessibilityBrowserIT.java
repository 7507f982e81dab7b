package dev.loopkeeper.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Every screen of every role's menu, on the seeded demo, through axe-core: a serious or critical violation of WCAG 2.1
 * AA on any of them fails (the other journeys check the screens they photograph, dialogs and details included).
 */
@TestPropertySource(properties = {"loopkeeper.demo.seed=true", "loopkeeper.outreach.demo-mail-log-only=true"})
class AccessibilityBrowserIT extends BrowserJourney {

    @ParameterizedTest
    @ValueSource(strings = {"fiona", "sam", "paula", "ada"})
    void everyScreenInTheMenuPassesAxe(String user) {
        // a dashboard over the seeded months takes its time on a loaded 2-core machine
        page.setDefaultTimeout(120_000);
        LoginPage.open(page);
        checkAccessibility("sign-in page");
        signIn(user);
        checkAccessibility(user + " landing page");
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) page.locator("vaadin-side-nav-item")
                .evaluateAll("items => items.map(i => i.path).filter(p => p != null)");
        // Cockpit and Admin are Camunda's webapps, not our screens
        paths = paths.stream()
                .filter(p -> !p.replaceFirst("^/", "").startsWith("camunda"))
                .toList();
        Set<String> screens = new LinkedHashSet<>(paths);
        assertThat(screens).as("the menu of %s", user).isNotEmpty();
        for (String path : screens) {
            page.navigate(baseUrl() + "/" + path.replaceFirst("^/", ""));
            page.locator("vaadin-app-layout").waitFor();
            Vaadin.settle(page, 15);
            checkAccessibilityAsShown(user + " /" + path.replaceFirst("^/", ""));
        }
    }
}
