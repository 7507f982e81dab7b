package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loopkeeper.insight.ImprovementProcess;
import dev.loopkeeper.insight.ImprovementStatus;
import dev.loopkeeper.insight.ImprovementView;
import dev.loopkeeper.insight.Improvements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner in the browser: detractors keep using a phrase no theme covers, she makes it a theme from the
 * suggestions, starts an improvement action from the priority matrix, implements and verifies it from her
 * tasklist, and the action lands in "Fix released". On the way, the picture of the improvement-action process
 * for the README, drawn by bpmn-js from the deployed model.
 */
class SystemicLoopBrowserIT extends BrowserJourney {

    @Autowired
    Improvements improvements;

    @Test
    void aSuggestedThemeBecomesAnActionWhoseFixIsReleased() throws Exception {
        String phrase = nonsense() + " " + nonsense();
        String theme = Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
        for (int i = 0; i < 4; i++) {
            postResponse(detractorSaying("The " + phrase + " failed me, time number " + i));
        }

        signIn("paula");
        page.navigate("/themes");
        Locator makeTheme =
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a theme of " + phrase));
        assertThat(makeTheme).isVisible();
        assertThat(page.locator(Vaadin.GRID_ROW + "=" + phrase)
                        .getByText("4", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        makeTheme.click();
        Vaadin.awaitIdle(page);
        assertThat(page.locator(Vaadin.GRID_ROW + "=" + theme).first()).isVisible();
        // the responses told before the theme existed are tagged in the background, with progress on the screen
        assertThat(page.getByText("is tagged with the latest themes")).isVisible();
        screenshot("themes");

        page.navigate("/themes/priorities");
        assertThat(page.locator("lk-chart[data-rendered]")).isVisible();
        assertThat(page.locator(Vaadin.GRID_ROW + "=" + theme)
                        .getByText("4", new Locator.GetByTextOptions().setExact(true))
                        .first())
                .isVisible();
        screenshot("priorities");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Create an improvement action for " + theme))
                .click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New improvement action"));
        assertThat(dialog).isVisible();
        assertThat(dialog.getByLabel("Title")).hasValue("Fix: " + theme);
        assertThat(dialog.getByText("Link the 4 case(s) that raised it lately")).isVisible();
        dialog.getByLabel("Owner").fill("paula");
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName("paula").setExact(true))
                .click();
        dialog.getByLabel("Deadline")
                .fill(LocalDate.now().plusDays(30).format(DateTimeFormatter.ofPattern("M/d/yyyy")));
        dialog.getByLabel("Deadline").press("Enter");
        dialog.getByLabel("Expected impact").fill("No more " + phrase);
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Create").setExact(true))
                .click();
        Vaadin.awaitIdle(page);
        assertThat(dialog).isHidden();
        ImprovementView action = improvements.all().stream()
                .filter(a -> a.title().equals("Fix: " + theme))
                .findFirst()
                .orElseThrow();
        assertThat(improvements.linkedCases(action.id())).hasSize(4);

        page.navigate("/improvements");
        assertThat(card("open", action)).isVisible();
        screenshot("improvements");

        TasklistPage.open(page);
        completeImprovementTask(
                "Implement",
                "Complete…",
                form -> form.getByLabel("What changed").fill("The " + phrase + " is replaced"));
        TasklistPage.open(page);
        page.locator(Vaadin.GRID_ROW + "=Verify fix")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Claim"))
                .click();
        Vaadin.awaitIdle(page);
        completeImprovementTask("Verify fix", "Complete…", form -> {
            form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Verified: the cause is gone"))
                    .check();
            form.getByLabel("How you checked").fill("Asked three of the customers");
        });

        // "Announce fix" is a job: customers and staff are told in the background
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> improvements.find(action.id()).orElseThrow().status(),
                        ImprovementStatus.ANNOUNCED::equals);
        page.navigate("/improvements");
        assertThat(card("announced", action)).isVisible();
        assertThat(card("announced", action).locator(".result")).containsText("Theme to verified fix: 0 days");

        drawTheProcess();
    }

    /** The improvement-action model as bpmn-js draws it in the editor, without palette: src/docs' picture. */
    private void drawTheProcess() throws Exception {
        ModelEditorPage editor = ModelLibraryPage.open(page).editLatest("Improvement action");
        editor.bpmnElement(ImprovementProcess.ANNOUNCE_FIX);
        Vaadin.awaitIdle(page);
        Path file = Path.of("target", "screenshots", "improvement-action.png");
        Files.createDirectories(file.getParent());
        page.locator("lk-bpmn-editor .djs-container")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(file)
                        .setStyle(".djs-palette, .bjs-powered-by, .djs-context-pad { display: none !important; }"));
        assertThat(Files.size(file)).isPositive();
        editor.discard();
    }

    private Locator card(String status, ImprovementView action) {
        return page.locator("#column-" + status + " [data-action='" + action.id() + "']");
    }

    /** Opens the improvement task's form from its tasklist row (such tasks have no case), fills it and completes. */
    private void completeImprovementTask(String task, String button, java.util.function.Consumer<Locator> fill) {
        page.locator(Vaadin.GRID_ROW + "=" + task)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button))
                .click();
        Locator form = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName(task));
        assertThat(form).isVisible();
        fill.accept(form);
        form.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Complete").setExact(true))
                .click();
        Vaadin.awaitIdle(page);
        assertThat(form).isHidden();
    }

    private static String detractorSaying(String comment) {
        return """
                {"source": "browser-journey", "sourceEventId": "%s", "respondedAt": "%s", "score": 2,
                 "comment": "%s",
                 "customer": {"externalId": "C-%s", "name": "%s", "email": "erin@example.com",
                              "phone": "+34 600 123 456", "preferredChannel": "email", "tier": "silver",
                              "lifetimeValue": 800},
                 "properties": {"region": "EMEA", "product": "Broadband"}}
                """.formatted(
                        UUID.randomUUID(),
                        Instant.now().minusSeconds(60),
                        comment,
                        UUID.randomUUID(),
                        uniqueCustomer("Erin Evans"));
    }

    /** A made-up word that no theme's keyword matches and no other journey uses. */
    private static String nonsense() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 6; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
