package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loopkeeper.MailServer;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A customer answers a survey on their phone: the email (caught by a real SMTP server) with its eleven scores, a
 * click on one, the answer page, the thank-you page; then a supervisor finds the case the answer opened.
 */
class SurveyBrowserIT extends BrowserJourney {

    static final MailServer mail = MailServer.start();
    static final Pattern SCORE_LINK = Pattern.compile("href=\"https?://[^/\"]+(/survey/[A-Za-z0-9_-]{76})\"");

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
        registry.add("loopkeeper.outreach.demo-mail-log-only", () -> "false");
    }

    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    /** The survey pages are plain HTML: no Vaadin to wait for. */
    private void pageScreenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }

    @Test
    void aDetractorClicksAScoreInTheEmailSaysWhatWentWrongAndIsToldWhoWillCallThenTheCaseIsThere() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        String address = customer.toLowerCase() + "@example.com";
        String name = uniqueCustomer("Sofia Survey");
        HttpResponse<String> asked = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/surveys"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", "demo-intake-key")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"customer\": {\"externalId\": \"" + customer
                                + "\", \"name\": \"" + name + "\", \"email\": \"" + address
                                + "\", \"phone\": \"+34 600 123 456\"}, \"touchpoint\": \"installation\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String invitation = json.readTree(asked.body()).get("invitationId").asText();

        MimeMessage email = mail.receivedBy(address);
        String html = MailServer.part(email, "text/html");
        page.setViewportSize(600, 640);
        page.setContent(html);
        pageScreenshot("survey-email");

        Matcher links = SCORE_LINK.matcher(html);
        for (int score = 0; score <= 2; score++) {
            assertThat(links.find()).isTrue();
        }
        // The email's links carry the configured public address; this app listens on a random port
        page.setViewportSize(390, 844);
        page.navigate(links.group(1));
        assertThat(page.getByLabel("2", new Page.GetByLabelOptions().setExact(true)))
                .isChecked();
        assertThat(page.getByText("We are sorry. What went wrong?")).isVisible();
        assertThat(page.getByText("What did we do well?")).isHidden();
        page.getByLabel("Your comment").fill("The engineer never came, and nobody called.");
        page.getByLabel("Preferred way to reach me").selectOption("phone");
        pageScreenshot("survey-answer");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answer"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Thank you, and we are sorry");
        assertThat(page.locator("#promise")).containsText("will call you by");
        pageScreenshot("survey-thanks");

        JsonNode answered = json.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/surveys/" + invitation))
                                .header("X-Api-Key", "demo-intake-key")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(answered.get("status").asText()).isEqualTo("ANSWERED");
        UUID caseId = UUID.fromString(answered.get("caseId").asText());

        page.navigate(links.group(1));
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("You have answered this survey already");

        page.setViewportSize(1440, 900);
        signIn("sam");
        CasePage.open(page, caseId);
        assertThat(page.getByText("The engineer never came, and nobody called.").first())
                .isVisible();
        assertThat(page.getByText(name).first()).isVisible();
    }

    @Test
    void aProcessOwnerRewordsTheInvitationAndSeesWhatACustomerWouldGetAsTheyType() {
        page.setViewportSize(1440, 1000);
        signIn("paula");
        page.navigate(baseUrl() + "/surveys/templates");
        Vaadin.awaitIdle(page);

        page.getByLabel("Email subject").fill("{{customer.firstName}}, how did your installation go?");
        page.getByLabel("Email subject").press("Tab");

        assertThat(page.getByText("Dana, how did your installation go?").first())
                .isVisible();
        assertThat(page.locator(".survey-preview").getByText("Dear Dana Doe,").first())
                .isVisible();
        assertThat(page.locator(".survey-preview a").filter(new Locator.FilterOptions().setHasText("10")))
                .hasCount(1);
        screenshot("survey-templates");

        page.getByLabel("Email subject").fill("Hello {{customer.email}}");
        page.getByLabel("Email subject").press("Tab");
        assertThat(page.getByText("Unknown placeholder {{customer.email}}").first())
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")))
                .isDisabled();
    }
}
