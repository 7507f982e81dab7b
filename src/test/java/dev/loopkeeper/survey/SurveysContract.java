package dev.loopkeeper.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.MailServer;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.outreach.DeliveryStatus;
import dev.loopkeeper.sharedkernel.Channel;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Surveys we send ourselves, on whatever database the subclass gives it: asking, the rules that say when not to ask,
 * unsubscribing, and the links of the email. A real SMTP server (GreenMail) receives what customers would.
 */
abstract class SurveysContract {

    /** Monday 23 November 2026, 10:00 in Madrid. */
    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    static final String API_KEY = "demo-intake-key";
    static final Pattern SURVEY_LINK = Pattern.compile("https://care\\.example\\.com/survey/([A-Za-z0-9_-]{76})");
    static final Pattern UNSUBSCRIBE_LINK =
            Pattern.compile("https://care\\.example\\.com/survey/unsubscribe/([A-Za-z0-9_-]{76})");

    static final MailServer mail = MailServer.start();

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
        registry.add("loopkeeper.outreach.public-url", () -> "https://care.example.com");
    }

    @LocalServerPort
    int port;

    @Autowired
    Surveys surveys;

    @Autowired
    SurveyPostman postman;

    @Autowired
    SurveyLinks links;

    @Autowired
    CaseIntake intake;

    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void freshMailboxAndClock() throws Exception {
        mail.ensureRunning();
        mail.purge();
        ClockUtil.setCurrentTime(Date.from(MONDAY));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Nested
    class Asking {

        @Test
        void anApiCallEmailsTheQuestionWithElevenSignedOneClickScoresAndAnUnsubscribeLink() throws Exception {
            String customer = customer();

            HttpResponse<String> response = post(request(customer, "installation", null));

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode invitation = json.readTree(response.body());
            UUID id = UUID.fromString(invitation.get("invitationId").asText());
            assertThat(response.headers().firstValue("Location")).contains("/api/surveys/" + id);
            assertThat(invitation.get("status").asText()).isEqualTo("SENT");
            assertThat(invitation.get("delivery").asText()).isEqualTo("SENT");

            MimeMessage email = mail.receivedBy(address(customer));
            assertThat(email.getSubject()).isEqualTo("How likely are you to recommend us?");
            String html = MailServer.part(email, "text/html");
            List<String> tokens = all(SURVEY_LINK, html);
            assertThat(tokens).hasSize(11).doesNotHaveDuplicates();
            for (int score = 0; score <= 10; score++) {
                SurveyLinks.SurveyLink link = links.verify(tokens.get(score), SurveyLinks.Purpose.ANSWER);
                assertThat(link.invitationId()).isEqualTo(id);
                assertThat(link.score()).isEqualTo(score);
                assertThat(link.expiresAt()).isEqualTo(MONDAY.plus(Duration.ofDays(14)));
            }
            assertThat(links.verify(all(UNSUBSCRIBE_LINK, html).get(0), SurveyLinks.Purpose.UNSUBSCRIBE)
                            .invitationId())
                    .isEqualTo(id);
            assertThat(all(UNSUBSCRIBE_LINK, MailServer.part(email, "text/plain")))
                    .hasSize(1);

            JsonNode later = json.readTree(get("/api/surveys/" + id).body());
            assertThat(later.get("status").asText()).isEqualTo("SENT");
            assertThat(later.get("touchpoint").asText()).isEqualTo("installation");
        }

        @Test
        void aCustomerIsAskedInTheirLanguage() throws Exception {
            String customer = customer();

            surveys.invite(request(customer, "installation", "de"));

            assertThat(mail.receivedBy(address(customer)).getSubject())
                    .isEqualTo("Wie wahrscheinlich empfehlen Sie uns weiter?");
        }

        @Test
        void aLanguageWithoutTemplatesFallsBackToTheDefaultWords() throws Exception {
            String customer = customer();

            surveys.invite(request(customer, "installation", "fi"));

            assertThat(mail.receivedBy(address(customer)).getSubject())
                    .isEqualTo("How likely are you to recommend us?");
        }

        @Test
        void anInvitationSentAgainIsEmailedOnce() throws Exception {
            String customer = customer();
            SurveyInvitationView sent = surveys.invite(request(customer, "installation", null));

            postman.send(sent.invitationId());
            postman.deliverDue();

            assertThat(mail.allReceivedBy(address(customer))).hasSize(1);
        }

        @Test
        void aBadRequestSaysWhatIsWrongAndStoresNothing() throws Exception {
            HttpResponse<String> response =
                    post("{\"customer\": {\"externalId\": \"C-bad\"}, \"touchpoint\": \"\", \"language\": \"German\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("touchpoint").contains("language");
        }

        @Test
        void withoutTheApiKeyNothingIsSent() throws Exception {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/surveys"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    json.writeValueAsString(request(customer(), "installation", null))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(mail.received()).isEmpty();
        }

        @Test
        void aSendThatFailsIsTriedAgainLaterAndGivesUpAfterItsAttempts() throws Exception {
            String customer = customer();
            mail.stop();

            SurveyInvitationView first = surveys.invite(request(customer, "installation", null));

            assertThat(first.status()).isEqualTo(InvitationStatus.SCHEDULED);
            assertThat(first.delivery()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(first.reason()).isNotBlank();
            later(Duration.ofMinutes(16));
            postman.deliverDue();
            later(Duration.ofMinutes(16));
            postman.deliverDue();
            assertThat(surveys.find(first.invitationId()).orElseThrow().status())
                    .isEqualTo(InvitationStatus.FAILED);

            mail.ensureRunning();
            later(Duration.ofMinutes(16));
            postman.deliverDue();
            assertThat(mail.allReceivedBy(address(customer))).isEmpty();
        }
    }

    @Nested
    class Rules {

        @Test
        void nobodyIsAskedTwiceWithinTheQuietPeriod() throws Exception {
            String customer = customer();
            assertThat(surveys.invite(request(customer, "billing", null)).status())
                    .isEqualTo(InvitationStatus.SENT);

            later(Duration.ofDays(29));
            SurveyInvitationView tooSoon = surveys.invite(request(customer, "billing", null));

            assertThat(tooSoon.status()).isEqualTo(InvitationStatus.SKIPPED);
            assertThat(tooSoon.reason()).contains("quiet period of 30 days");
            later(Duration.ofDays(2));
            assertThat(surveys.invite(request(customer, "billing", null)).status())
                    .isEqualTo(InvitationStatus.SENT);
            assertThat(mail.allReceivedBy(address(customer))).hasSize(2);
        }

        @Test
        void theQuietPeriodIsPerTouchpointAsTheTableSays() {
            String customer = customer();
            surveys.invite(request(customer, "billing", null));

            later(Duration.ofDays(15));

            assertThat(surveys.invite(request(customer, "installation", null)).status())
                    .isEqualTo(InvitationStatus.SENT);
        }

        @Test
        void aCustomerWithAnOpenCaseIsNotAsked() throws Exception {
            String customer = customer();
            intake.receive(new ResponseSubmission(
                    "test-survey", "evt-" + UUID.randomUUID(), MONDAY, 3, "Still broken", details(customer), Map.of()));

            SurveyInvitationView invitation = surveys.invite(request(customer, "installation", null));

            assertThat(invitation.status()).isEqualTo(InvitationStatus.SKIPPED);
            assertThat(invitation.reason()).isEqualTo("the customer has an open case");
            assertThat(mail.allReceivedBy(address(customer))).isEmpty();
        }
    }

    @Nested
    class Unsubscribing {

        @Test
        void aCustomerWhoUnsubscribedIsNeverAskedAgainUntilTheyOptBackIn() throws Exception {
            String customer = customer();
            SurveyInvitationView first = surveys.invite(request(customer, "billing", null));
            String html = MailServer.part(mail.receivedBy(address(customer)), "text/html");
            String unsubscribe = all(UNSUBSCRIBE_LINK, html).get(0);

            HttpResponse<String> asked = get("/survey/unsubscribe/" + unsubscribe);
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(surveys.isUnsubscribed(first.invitationId()))
                    .as("opening the link only asks")
                    .isFalse();
            HttpResponse<String> done = postForm("/survey/unsubscribe/" + unsubscribe, "");
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("You will get no more surveys from us");

            later(Duration.ofDays(200));
            SurveyInvitationView next = surveys.invite(request(customer, "billing", null));
            assertThat(next.status()).isEqualTo(InvitationStatus.SKIPPED);
            assertThat(next.reason()).isEqualTo("unsubscribed from surveys");

            assertThat(postForm("/survey/unsubscribe/" + unsubscribe, "again=yes")
                            .body())
                    .contains("Welcome back");
            assertThat(surveys.invite(request(customer, "billing", null)).status())
                    .isEqualTo(InvitationStatus.SENT);
        }

        @Test
        void anUnsubscribeLinkIsNoAnswerLinkAndTheOtherWayRound() throws Exception {
            String customer = customer();
            surveys.invite(request(customer, "billing", null));
            String html = MailServer.part(mail.receivedBy(address(customer)), "text/html");

            assertThat(get("/survey/" + all(UNSUBSCRIBE_LINK, html).get(0)).statusCode())
                    .isEqualTo(404);
            assertThat(get("/survey/unsubscribe/" + all(SURVEY_LINK, html).get(3))
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    static String customer() {
        return "C-" + UUID.randomUUID();
    }

    static String address(String customer) {
        return customer.toLowerCase() + "@example.com";
    }

    static CustomerDetails details(String customer) {
        return new CustomerDetails(
                customer, "Dana Doe", address(customer), "+34 600 123 456", Channel.EMAIL, null, null);
    }

    static SurveyRequest request(String customer, String touchpoint, String language) {
        return new SurveyRequest(details(customer), touchpoint, language);
    }

    HttpResponse<String> post(SurveyRequest request) throws Exception {
        return post(json.writeValueAsString(request));
    }

    HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/surveys"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("X-Api-Key", API_KEY)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(duration)));
    }
}
