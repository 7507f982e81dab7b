package dev.loopkeeper.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Tracing;
import com.microsoft.playwright.options.ScreenshotAnimations;
import dev.loopkeeper.TestResponses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A real-browser journey through the whole application: Tomcat on a random port, the embedded H2, the demo
 * users, the job executor running (profile {@code e2e}), and Debian's Chromium, headless, driven by Playwright.
 * One browser per class, a fresh browser context (cookies, session) per test.
 *
 * <p>Subclasses are named {@code *BrowserIT}; failsafe runs them in {@code ./mvnw verify}. They talk to the
 * app the way its users do: the UI through page objects ({@link LoginPage}, {@link TasklistPage}, ...) and
 * the intake API over HTTP. When a test fails, what the browser showed is kept in
 * {@code target/screenshots/failed/CLASS.METHOD.png}; with {@code -Dloopkeeper.e2e.trace=true} also a Playwright
 * trace of every step in {@code target/playwright-traces} (open it with {@code npx playwright show-trace FILE}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "e2e"})
public abstract class BrowserJourney {

    /** Every demo user's password. */
    protected static final String DEMO_PASSWORD = "demo";

    private static final String API_KEY = "demo-intake-key";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path TRACES = Path.of("target", "playwright-traces");
    /** Recording a trace makes a journey a third slower, so only on request: -Dloopkeeper.e2e.trace=true. */
    private static final boolean TRACING = Boolean.getBoolean("loopkeeper.e2e.trace");
    /** Toasts come and go with time; a screenshot should show the same thing on every run. */
    private static final String HIDE_TRANSIENT =
            "vaadin-notification-card, vaadin-dev-tools, copilot-main " + "{ visibility: hidden !important; }";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    private int port;

    @Autowired
    private ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    /** This test's browser context: its own cookies, so its own session. */
    protected BrowserContext context;
    /** This test's tab. */
    protected Page page;

    private final List<String> cspViolations = new CopyOnWriteArrayList<>();
    private final List<String> accessibilityViolations = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final AfterTestExecutionCallback keepEvidenceOfFailure = this::keepEvidenceOfFailure;

    @BeforeAll
    static void launchBrowser() {
        playwright = DebianChromium.playwright();
        // Playwright's 5 s is short for a first page on a loaded 2-core machine; a real failure still fails
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        Vaadin.registerSelectors(playwright);
        browser = DebianChromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close(); // closes the browser too
        }
        browser = null;
        playwright = null;
    }

    @BeforeEach
    void openBrowserContext() {
        // Process tests in the same JVM move the engine clock; journeys run on the real one
        ClockUtil.reset();
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl())
                .setViewportSize(1440, 900)
                .setLocale("en-US"));
        // The first page of a fresh JVM waits for Vaadin's development-mode bundle to be served; on a fresh
        // checkout Vaadin first builds it for our npm packages (the model editors): npm install and Vite, minutes
        context.setDefaultNavigationTimeout(Duration.ofMinutes(6).toMillis());
        if (TRACING) {
            context.tracing()
                    .start(new Tracing.StartOptions().setScreenshots(true).setSnapshots(true));
        }
        // The app must work under its Content-Security-Policy: every violation the browser reports fails the journey
        cspViolations.clear();
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile))");
        context.onConsoleMessage(message -> {
            if (message.text().contains("CSP violation") || message.text().contains("Content Security Policy")) {
                cspViolations.add(message.text());
            }
        });
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserContext() {
        if (context != null) {
            context.close();
        }
        assertThat(cspViolations)
                .as("Content-Security-Policy violations the browser reported")
                .isEmpty();
        assertThat(accessibilityViolations)
                .as(
                        "serious or critical accessibility violations (axe-core, WCAG 2.1 AA) on the screens of this journey")
                .isEmpty();
    }

    /**
     * Runs axe-core over the page as it is now; a serious or critical violation fails the journey at its end (all of
     * them listed, not only the first). Every {@link #screenshot} does this, so every screen a journey shows is checked.
     */
    protected void checkAccessibility(String screen) {
        Vaadin.awaitIdle(page);
        checkAccessibilityAsShown(screen);
    }

    /** The same, over whatever the page shows now, without waiting for Vaadin to be idle. */
    protected void checkAccessibilityAsShown(String screen) {
        accessibilityViolations.addAll(Accessibility.violations(page, screen));
    }

    /** {@code http://localhost:PORT}; page objects navigate relative to it. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Signs in with the demo password, from a fresh login page; returns once the main layout is shown. */
    protected MainLayoutPage signIn(String user) {
        return LoginPage.open(page).signIn(user, DEMO_PASSWORD);
    }

    /**
     * Posts an NPS response to the intake API as a survey tool would ({@code POST /api/responses}).
     *
     * @return the id of the new case
     */
    protected UUID postResponse(String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/responses"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode())
                .as("POST /api/responses: %s", response.body())
                .isEqualTo(201);
        return UUID.fromString(read(response.body()).get("caseId").asText());
    }

    /** A response with a fresh event id from a gold-tier EMEA customer of this name (see {@link TestResponses}). */
    protected String response(String customerName, int score) {
        ObjectNode body = (ObjectNode) read(TestResponses.json(UUID.randomUUID().toString(), score));
        ((ObjectNode) body.get("customer")).put("name", customerName);
        return body.toString();
    }

    /** Where the case stands, as the intake API tells it ({@code GET /api/cases/{id}}). */
    protected JsonNode caseState(UUID caseId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/cases/" + caseId))
                .GET());
        assertThat(response.statusCode())
                .as("GET /api/cases/%s: %s", caseId, response.body())
                .isEqualTo(200);
        return read(response.body());
    }

    /** A customer name no other journey in this application context uses, so a row is found by it alone. */
    protected static String uniqueCustomer(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    /**
     * Saves what the browser shows to {@code target/screenshots/NAME.png}, once Vaadin is idle, with animations
     * finished and notifications hidden; checks the screen's accessibility first.
     */
    protected Path screenshot(String name) {
        checkAccessibility(name);
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(file)
                .setAnimations(ScreenshotAnimations.DISABLED)
                .setStyle(HIDE_TRANSIENT));
        return file;
    }

    private void keepEvidenceOfFailure(ExtensionContext test) {
        if (context == null || page == null || page.isClosed()) {
            return;
        }
        String name = test.getRequiredTestClass().getSimpleName() + "."
                + test.getRequiredTestMethod().getName();
        boolean failed = test.getExecutionException().isPresent();
        if (failed) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("failed").resolve(name + ".png")));
        }
        if (TRACING && failed) {
            context.tracing().stop(new Tracing.StopOptions().setPath(TRACES.resolve(name + ".zip")));
        } else if (TRACING) {
            context.tracing().stop();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("X-Api-Key", API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
