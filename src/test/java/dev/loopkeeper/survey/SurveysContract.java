package dev.loopkeeper.survey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.loopkeeper.MailServer;
import dev.loopkeeper.casework.CaseStatus;
import dev.loopkeeper.casework.CaseSummary;
import dev.loopkeeper.casework.CaseTimeline;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.ContactReport;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.casework.TimelineEntry;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.CustomerAudience;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.CustomerHistory;
import dev.loopkeeper.intake.PastResponse;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.outreach.DeliveryStatus;
import dev.loopkeeper.reporting.ReportCounts;
import dev.loopkeeper.reporting.ReportPeriod;
import dev.loopkeeper.reporting.RevenueProtection;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
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
    static final WireMockServer smsProvider = new WireMockServer(options().dynamicPort());

    static {
        smsProvider.start();
    }

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
        registry.add("loopkeeper.outreach.public-url", () -> "https://care.example.com");
        registry.add("loopkeeper.outreach.sms.url", () -> smsProvider.baseUrl() + "/messages");
        registry.add("loopkeeper.outreach.sms.token", () -> "sms-test-token");
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
    SurveyTemplates templates;

    @Autowired
    SurveyLists lists;

    @Autowired
    CaseIntake intake;

    @Autowired
    ObjectMapper json;

    @Autowired
    Casework casework;

    @Autowired
    CustomerHistory history;

    @Autowired
    JdbcTemplate db;

    @Autowired
    ReportCounts reportCounts;

    @Autowired
    RevenueProtection revenue;

    @Autowired
    Taskwork taskwork;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));
    final Actor ada = new Actor("ada", Set.of("admins"));

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void freshMailboxAndClock() throws Exception {
        mail.ensureRunning();
        mail.purge();
        smsProvider.resetAll();
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
        void theWordsAProcessOwnerSavedAreWhatTheCustomerGets() throws Exception {
            templates.save(
                    new SurveyWording(
                            "nl",
                            SurveyMessage.INVITATION,
                            "Zou u ons aanbevelen, {{customer.firstName}}?",
                            "Beste {{customer.name}},\n\n{{question}}\n\n{{scoreLinks}}\n\nGroeten van {{company}}",
                            "Zou u ons aanbevelen? {{answerLink}}",
                            null,
                            null),
                    new Actor("paula", Set.of("process-owners")));
            String customer = customer();

            surveys.invite(request(customer, "installation", "nl"));

            MimeMessage email = mail.receivedBy(address(customer));
            assertThat(email.getSubject()).isEqualTo("Zou u ons aanbevelen, Dana?");
            String html = MailServer.part(email, "text/html");
            assertThat(html).contains("<p>Beste Dana Doe,</p>").contains("Groeten van Loopkeeper");
            assertThat(all(SURVEY_LINK, html)).hasSize(11);
            assertThat(MailServer.part(email, "text/plain")).contains("Beste Dana Doe,");
        }

        @Test
        void aLanguageWithoutTemplatesFallsBackToTheDefaultWords() throws Exception {
            String customer = customer();

            surveys.invite(request(customer, "installation", "fi"));

            assertThat(mail.receivedBy(address(customer)).getSubject())
                    .isEqualTo("How likely are you to recommend us?");
        }

        @Test
        void aCustomerWithOnlyAPhoneGetsATextWithTheAnswerPagesLinkAndTheUnsubscribeLink() throws Exception {
            smsProvider.stubFor(
                    WireMock.post("/messages").willReturn(aResponse().withStatus(202)));
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(new SurveyRequest(
                    new CustomerDetails(customer, "Sam", null, "+34 600 999 000", null, null, null),
                    "installation",
                    null));

            assertThat(invitation.status()).isEqualTo(InvitationStatus.SENT);
            List<LoggedRequest> texts = smsProvider.findAll(postRequestedFor(urlEqualTo("/messages"))
                    .withRequestBody(matchingJsonPath("$.to", equalTo("+34 600 999 000"))));
            assertThat(texts).hasSize(1);
            String text =
                    json.readTree(texts.get(0).getBodyAsString()).get("text").asText();
            assertThat(text)
                    .startsWith("Sam, how likely are you to recommend us, 0-10? https://care.example.com/survey/");
            SurveyLinks.SurveyLink link = links.verify(all(SURVEY_LINK, text).get(0), SurveyLinks.Purpose.ANSWER);
            assertThat(link.invitationId()).isEqualTo(invitation.invitationId());
            assertThat(link.score()).as("the page asks for the score").isNull();
            assertThat(all(UNSUBSCRIBE_LINK, text)).hasSize(1);
            HttpResponse<String> page = get("/survey/" + all(SURVEY_LINK, text).get(0));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("checked=\"checked\"");
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
    class Answering {

        @Test
        void aClickedScoreOpensThePageWithThatScoreAndOnlyThePostRecordsIt() throws Exception {
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(request(customer, "installation", null));
            String token = scoreLink(customer, 3);

            HttpResponse<String> page = get("/survey/" + token);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'none'"));
            assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(page.body())
                    .contains("id=\"score-3\" value=\"3\" class=\"d\" checked=\"checked\"")
                    .contains("We are sorry. What went wrong?");
            assertThat(surveys.find(invitation.invitationId()).orElseThrow().status())
                    .isEqualTo(InvitationStatus.SENT);
        }

        @Test
        void aDetractorsAnswerOpensItsCaseThroughIntakeAndTheyAreToldWhoWillCallByWhen() throws Exception {
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(request(customer, "installation", null));

            HttpResponse<String> thanks = postForm(
                    "/survey/" + scoreLink(customer, 2),
                    "score=2&comment=The+engineer+never+came&contact=yes&channel=phone");

            assertThat(thanks.statusCode()).isEqualTo(200);
            assertThat(thanks.body()).contains("data-segment=\"detractor\"").contains("will call you by");
            SurveyInvitationView answered =
                    surveys.find(invitation.invitationId()).orElseThrow();
            assertThat(answered.status()).isEqualTo(InvitationStatus.ANSWERED);
            assertThat(answered.score()).isEqualTo(2);
            CaseSummary opened = casework.find(answered.caseId()).orElseThrow();
            assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(opened.score()).isEqualTo(2);
            assertThat(opened.customerExternalId()).isEqualTo(customer);
            PastResponse response = history.response(answered.caseId()).orElseThrow();
            assertThat(response.source()).isEqualTo("loopkeeper");
            assertThat(response.comment()).isEqualTo("The engineer never came");
            assertThat(response.properties())
                    .containsEntry("touchpoint", "installation")
                    .containsEntry("may-contact", "yes");
            CaseSummary.OpenTaskView contact = opened.openTasks().get(0);
            assertThat(thanks.body())
                    .contains("Our " + contact.candidateGroup() + " team will call you by")
                    .contains(DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH)
                            .withZone(ZoneOffset.UTC)
                            .format(contact.dueAt()));
        }

        @Test
        void aDetractorWhoSaysDoNotContactMeIsRecordedButNotCalled() throws Exception {
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(request(customer, "installation", null));

            HttpResponse<String> thanks = postForm("/survey/" + scoreLink(customer, 1), "score=1&comment=Just+fix+it");

            assertThat(thanks.body())
                    .contains("You asked us not to contact you.")
                    .doesNotContain("id=\"promise\"");
            UUID caseId = surveys.find(invitation.invitationId()).orElseThrow().caseId();
            assertThat(history.response(caseId).orElseThrow().properties()).containsEntry("may-contact", "no");
            CaseSummary closed = casework.find(caseId).orElseThrow();
            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closed.openTasks()).isEmpty();
            assertThat(timeline.of(timeline.file(caseId, ada).orElseThrow()))
                    .extracting(TimelineEntry::title)
                    .contains("Closed as no-follow-up: customer declined contact");
        }

        @Test
        void aGermanCustomerIsAskedAndThankedInGerman() throws Exception {
            String customer = customer();
            surveys.invite(request(customer, "installation", "de"));
            String token = scoreLink(customer, 4);

            HttpResponse<String> page = get("/survey/" + token);

            assertThat(page.headers().firstValue("Content-Language")).contains("de");
            assertThat(page.body())
                    .contains("<html lang=\"de\">")
                    .contains("Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?")
                    .contains("Das tut uns leid. Was ist schiefgelaufen?")
                    .contains("Antwort senden")
                    .doesNotContain("??");
            HttpResponse<String> thanks = postForm("/survey/" + token, "score=4&comment=Zu+teuer&contact=yes");
            assertThat(thanks.body())
                    .contains("Vielen Dank, und es tut uns leid")
                    .containsPattern("Unser Team \\S+ ruft Sie bis \\S+, \\d+\\. \\S+, \\d\\d:\\d\\d UTC an\\.");
        }

        @Test
        void aLinkThatNamesNoSurveySpeaksTheBrowsersLanguage() throws Exception {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/survey/" + "A".repeat(76)))
                            .header("Accept-Language", "es-ES,es;q=0.9,en;q=0.5")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("Este enlace no funciona");
        }

        @Test
        void aPromoterIsThankedAndOfferedTheReviewLink() throws Exception {
            String customer = customer();
            surveys.invite(request(customer, "installation", null));

            HttpResponse<String> thanks = postForm("/survey/" + scoreLink(customer, 10), "score=10&comment=");

            assertThat(thanks.body())
                    .contains("data-segment=\"promoter\"")
                    .contains("https://reviews.example.com/loopkeeper-demo");
        }

        @Test
        void theCustomerMayChangeTheScoreTheyClicked() throws Exception {
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(request(customer, "installation", null));

            postForm("/survey/" + scoreLink(customer, 4), "score=8");

            assertThat(surveys.find(invitation.invitationId()).orElseThrow().score())
                    .isEqualTo(8);
        }

        @Test
        void anAnswerWithoutAScoreIsAskedAgainAndNothingIsStored() throws Exception {
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(request(customer, "installation", null));

            HttpResponse<String> again = postForm("/survey/" + scoreLink(customer, 4), "score=11&comment=hm");

            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).contains("Please choose a score from 0 to 10.");
            assertThat(surveys.find(invitation.invitationId()).orElseThrow().status())
                    .isEqualTo(InvitationStatus.SENT);
        }

        @Test
        void aLinkWorksOnceAndAnyOtherLinkOfTheSameSurveyIsRefusedAfterwards() throws Exception {
            String customer = customer();
            surveys.invite(request(customer, "installation", null));
            postForm("/survey/" + scoreLink(customer, 9), "score=9");

            HttpResponse<String> again = postForm("/survey/" + scoreLink(customer, 9), "score=9");
            HttpResponse<String> other = get("/survey/" + scoreLink(customer, 0));

            assertThat(again.statusCode()).isEqualTo(410);
            assertThat(again.body()).contains("You have answered this survey already");
            assertThat(other.statusCode()).isEqualTo(410);
            assertThat(db.queryForObject(
                            "select count(*) from feedback_response r join customer c on c.id = r.customer_id"
                                    + " where c.external_id = ?",
                            Integer.class,
                            customer))
                    .isEqualTo(1);
        }

        @Test
        void anAnswerWhoseCaseOpenedButWasNotMarkedIsMarkedByTheNextTryAndRefused() throws Exception {
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(request(customer, "installation", null));
            UUID caseId = intake.receive(new ResponseSubmission(
                            Surveys.SOURCE,
                            invitation.invitationId().toString(),
                            MONDAY,
                            4,
                            "First try",
                            details(customer),
                            Map.of()))
                    .caseId();

            HttpResponse<String> retried = postForm("/survey/" + scoreLink(customer, 4), "score=4&comment=First+try");

            assertThat(retried.statusCode()).isEqualTo(410);
            SurveyInvitationView marked =
                    surveys.find(invitation.invitationId()).orElseThrow();
            assertThat(marked.status()).isEqualTo(InvitationStatus.ANSWERED);
            assertThat(marked.caseId()).isEqualTo(caseId);
            assertThat(marked.score()).isEqualTo(4);
        }

        @Test
        void anExpiredLinkIsRefusedWithAPageThatSaysSo() throws Exception {
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(request(customer, "installation", null));
            String token = scoreLink(customer, 5);

            later(Duration.ofDays(14));

            assertThat(get("/survey/" + token).statusCode()).isEqualTo(410);
            HttpResponse<String> late = postForm("/survey/" + token, "score=5");
            assertThat(late.statusCode()).isEqualTo(410);
            assertThat(late.body()).contains("This survey has closed");
            assertThat(surveys.find(invitation.invitationId()).orElseThrow().status())
                    .isEqualTo(InvitationStatus.SENT);
        }

        @Test
        void aForgedOrAlteredLinkIsRefusedAndOpensNoCase() throws Exception {
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(request(customer, "installation", null));
            String token = scoreLink(customer, 5);
            String altered = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);

            for (String forged : List.of(altered, "not-a-token", token.substring(1))) {
                HttpResponse<String> page = postForm("/survey/" + forged, "score=0");
                assertThat(page.statusCode()).as(forged).isEqualTo(404);
                assertThat(page.body()).contains("This link does not work");
            }
            assertThat(surveys.find(invitation.invitationId()).orElseThrow().status())
                    .isEqualTo(InvitationStatus.SENT);
        }
    }

    @Nested
    class Recovery {

        @Test
        void aDetractorIsAskedAgainAMonthAfterTheCaseClosedAndTheCaseShowsBeforeAndAfter() throws Exception {
            String customer = customer();
            surveys.invite(request(customer, "installation", "de"));
            postForm("/survey/" + scoreLink(customer, 3), "score=3&comment=Late+again&contact=yes");
            UUID firstCase = caseOf(customer);
            closeAsResolved(firstCase);
            Instant closedAt = casework.find(firstCase).orElseThrow().closedAt();

            later(Duration.ofDays(29));
            postman.deliverDue();
            assertThat(surveysReceivedBy(customer)).hasSize(1);
            later(Duration.ofDays(1));
            postman.deliverDue();

            List<MimeMessage> emails = surveysReceivedBy(customer);
            assertThat(emails).hasSize(2);
            assertThat(emails.get(1).getSubject()).startsWith("Haben wir es wieder gutgemacht?");
            String token = all(SURVEY_LINK, MailServer.part(emails.get(1), "text/html"))
                    .get(9);
            SurveyInvitationView resurvey = surveys.find(
                            links.verify(token, SurveyLinks.Purpose.ANSWER).invitationId())
                    .orElseThrow();
            assertThat(resurvey.followsCaseId()).isEqualTo(firstCase);
            assertThat(resurvey.followsScore()).isEqualTo(3);
            assertThat(resurvey.sendAfter()).isEqualTo(closedAt.plus(Duration.ofDays(30)));

            assertThat(postForm("/survey/" + token, "score=9&comment=Sorted").statusCode())
                    .isEqualTo(200);

            SurveyInvitationView answered =
                    surveys.find(resurvey.invitationId()).orElseThrow();
            assertThat(history.response(answered.caseId()).orElseThrow().properties())
                    .containsEntry("follows-case", firstCase.toString());
            assertThat(timelineOf(firstCase))
                    .extracting(TimelineEntry::title)
                    .contains("Re-survey answered", "Recovery: 3 → 9 (detractor → promoter)");
            assertThat(timelineOf(answered.caseId()))
                    .extracting(TimelineEntry::title)
                    .contains("Re-survey answer: 3 → 9 (detractor → promoter)");

            // the reports' counts of revenue protected follow the answer, as the re-surveys' rows have it (the
            // customer as such unchanged: the answer alone marks its day)
            db.update(
                    "update customer set updated_at = ? where external_id = ?",
                    java.sql.Timestamp.valueOf("2000-01-01 00:00:00"),
                    customer);
            reportCounts.countChanges();
            LocalDate day = LocalDate.ofInstant(answered.answeredAt(), ZoneOffset.UTC);
            long recovered =
                    revenue.of(new ReportPeriod(day, day, ZoneOffset.UTC, ReportPeriod.Granularity.WEEK)).stream()
                            .mapToLong(RevenueProtection.Point::recovered)
                            .sum();
            assertThat(recovered)
                    .isPositive()
                    .isEqualTo(db.queryForObject(
                            "select count(*) from survey_invitation where status = 'ANSWERED' and follows_case_id"
                                    + " is not null and follows_score <= 6 and score >= 7 and answered_at >= ?"
                                    + " and answered_at < ?",
                            Long.class,
                            day.atStartOfDay(),
                            day.plusDays(1).atStartOfDay()));
        }

        @Test
        void aPassiveIsAskedAgainAfterAQuarter() throws Exception {
            String customer = customer();
            surveys.invite(request(customer, "billing", null));
            postForm("/survey/" + scoreLink(customer, 7), "score=7&contact=yes");
            UUID caseId = caseOf(customer);
            closeAsResolved(caseId);

            SurveyInvitationView resurvey = resurveyOf(caseId);

            assertThat(resurvey.status()).isEqualTo(InvitationStatus.SCHEDULED);
            assertThat(resurvey.touchpoint()).isEqualTo("billing");
            assertThat(resurvey.sendAfter())
                    .isEqualTo(casework.find(caseId).orElseThrow().closedAt().plus(Duration.ofDays(90)));
        }

        @Test
        void aReSurveyIsSkippedWhileTheCustomerHasAnotherOpenCase() throws Exception {
            String customer = customer();
            surveys.invite(request(customer, "billing", null));
            postForm("/survey/" + scoreLink(customer, 1), "score=1&contact=yes");
            UUID caseId = caseOf(customer);
            closeAsResolved(caseId);
            intake.receive(new ResponseSubmission(
                    "test-survey", "evt-" + UUID.randomUUID(), MONDAY, 4, "Again", details(customer), Map.of()));

            later(Duration.ofDays(31));
            postman.deliverDue();

            SurveyInvitationView resurvey = resurveyOf(caseId);
            assertThat(resurvey.status()).isEqualTo(InvitationStatus.SKIPPED);
            assertThat(resurvey.reason()).isEqualTo("the customer has an open case");
            assertThat(timelineOf(caseId)).extracting(TimelineEntry::title).contains("Re-survey skipped");
        }

        @Test
        void aCaseThatAnotherToolOpenedIsFollowedUpToo() throws Exception {
            String customer = customer();
            UUID caseId = intake.receive(new ResponseSubmission(
                            "test-survey", "evt-" + UUID.randomUUID(), MONDAY, 5, "Meh", details(customer), Map.of()))
                    .caseId();
            closeAsResolved(caseId);

            assertThat(resurveyOf(caseId).touchpoint()).isEqualTo(ReSurveys.AFTER_A_CASE);
        }

        List<TimelineEntry> timelineOf(UUID caseId) {
            return timeline.of(timeline.file(caseId, ada).orElseThrow());
        }

        UUID caseOf(String customer) {
            return db.queryForObject(
                    "select r.id from feedback_response r join customer c on c.id = r.customer_id"
                            + " where c.external_id = ? order by r.received_at desc limit 1",
                    UUID.class,
                    customer);
        }

        SurveyInvitationView resurveyOf(UUID caseId) {
            UUID id = db.queryForObject(
                    "select id from survey_invitation where follows_case_id = ?", UUID.class, caseId.toString());
            return surveys.find(id).orElseThrow();
        }

        /** Fiona reaches the customer by phone and logs the resolution: the loop closes. */
        void closeAsResolved(UUID caseId) {
            runJobsOf(caseId);
            CaseSummary.OpenTaskView contact = openTask(caseId, ClosedLoop.CONTACT_CUSTOMER);
            taskwork.claim(contact.taskId(), fiona);
            casework.completeContact(
                    contact.taskId(), new ContactReport(Channel.PHONE, ContactOutcome.REACHED, "spoke"), fiona);
            runJobsOf(caseId);
            Map<String, Object> resolution = new HashMap<>();
            resolution.put(Vars.RESOLUTION_SUMMARY, "Put it right");
            resolution.put(Vars.ROOT_CAUSE, "billing");
            resolution.put(Vars.why(1), "Refund stuck");
            resolution.put(Vars.FIXED_NOW, true);
            resolution.put(Vars.SYSTEMIC, false);
            taskwork.completeTask(openTask(caseId, ClosedLoop.LOG_RESOLUTION).taskId(), resolution, fiona);
            runJobsOf(caseId);
            assertThat(casework.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        }

        CaseSummary.OpenTaskView openTask(UUID caseId, String taskKey) {
            return casework.find(caseId).orElseThrow().openTasks().stream()
                    .filter(task -> task.taskKey().equals(taskKey))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No open " + taskKey + " on " + caseId));
        }

        void runJobsOf(UUID caseId) {
            for (int round = 0; round < 20; round++) {
                List<Job> due =
                        runtime
                                .createProcessInstanceQuery()
                                .processInstanceBusinessKey(caseId.toString())
                                .list()
                                .stream()
                                .flatMap(pi ->
                                        management
                                                .createJobQuery()
                                                .processInstanceId(pi.getId())
                                                .executable()
                                                .list()
                                                .stream())
                                .toList();
                if (due.isEmpty()) {
                    return;
                }
                due.forEach(job -> management.executeJob(job.getId()));
            }
        }
    }

    @Nested
    class Reminding {

        @Test
        void anUnansweredSurveyIsRemindedOnceAfterThreeDaysAndNeverAgain() throws Exception {
            String customer = customer();
            surveys.invite(request(customer, "billing", null));

            later(Duration.ofDays(2));
            postman.deliverDue();
            assertThat(surveysReceivedBy(customer)).hasSize(1);
            later(Duration.ofDays(1));
            postman.deliverDue();
            later(Duration.ofDays(10));
            postman.deliverDue();

            List<MimeMessage> received = surveysReceivedBy(customer);
            assertThat(received).hasSize(2);
            assertThat(received.get(1).getSubject())
                    .isEqualTo("A gentle reminder: how likely are you to recommend us?");
            String reminderLink = all(SURVEY_LINK, MailServer.part(received.get(1), "text/html"))
                    .get(6);
            assertThat(links.verify(reminderLink, SurveyLinks.Purpose.ANSWER).expiresAt())
                    .as("the reminder's links expire with the invitation's")
                    .isEqualTo(MONDAY.plus(Duration.ofDays(14)));
        }

        @Test
        void anAnsweredSurveyIsNotReminded() throws Exception {
            String customer = customer();
            surveys.invite(request(customer, "billing", null));
            postForm("/survey/" + scoreLink(customer, 10), "score=10");

            later(Duration.ofDays(4));
            postman.deliverDue();

            assertThat(surveysReceivedBy(customer)).hasSize(1);
        }

        @Test
        void someoneWhoUnsubscribedIsNotReminded() throws Exception {
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(request(customer, "billing", null));
            surveys.unsubscribe(invitation.invitationId());

            later(Duration.ofDays(4));
            postman.deliverDue();

            assertThat(surveysReceivedBy(customer)).hasSize(1);
            assertThat(surveys.find(invitation.invitationId()).orElseThrow().remindedAt())
                    .as("no reminder is due any more")
                    .isNotNull();
        }
    }

    @Nested
    class Lists {

        @Test
        void aListIsSentInTheBackgroundUnderTheRulesAndShowsItsProgress() throws Exception {
            String a = customer(), b = customer(), c = customer();
            surveys.invite(request(c, "billing", null)); // c was asked last week: the quiet period holds
            later(Duration.ofDays(7));
            String csv = "external_id;name;email;language\n" + a + ";Ann;" + address(a) + ";de\n" + b + ";Ben;"
                    + address(b) + ";\n" + c + ";Cy;" + address(c) + ";en\n";

            HttpResponse<String> started = postCsv("/api/surveys/runs?name=Spring+check-in&touchpoint=check-in", csv);

            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            JsonNode run = json.readTree(started.body());
            assertThat(run.get("total").asInt()).isEqualTo(3);
            assertThat(run.get("counts").get("SCHEDULED").asInt()).isEqualTo(3);
            assertThat(mail.allReceivedBy(address(a))).isEmpty();

            postman.deliverDue();

            JsonNode done = json.readTree(
                    get("/api/surveys/runs/" + run.get("runId").asText()).body());
            assertThat(done.get("counts").get("SENT").asInt()).isEqualTo(2);
            assertThat(done.get("counts").get("SKIPPED").asInt()).isEqualTo(1);
            assertThat(done.get("counts").has("SCHEDULED")).isFalse();
            assertThat(mail.receivedBy(address(a)).getSubject())
                    .isEqualTo("Wie wahrscheinlich empfehlen Sie uns weiter?");
            assertThat(mail.receivedBy(address(b)).getSubject()).isEqualTo("How likely are you to recommend us?");
            assertThat(mail.subjectsFor(address(c)))
                    .as("c's own survey and its reminder; nothing from the list")
                    .containsExactly(
                            "How likely are you to recommend us?",
                            "A gentle reminder: how likely are you to recommend us?");
        }

        @Test
        void aQueryOfCustomersIsCountedFirstAndSentUnderTheSameRules() throws Exception {
            String region = "R-" + UUID.randomUUID().toString().substring(0, 8);
            String declined = customer(), withOpenCase = customer(), elsewhere = customer();
            answered(declined, 3, region, "no"); // the case closed at once: nobody may call them
            answered(withOpenCase, 2, region, "yes");
            answered(elsewhere, 2, "somewhere-else", "no");
            CustomerAudience inRegion = new CustomerAudience(null, null, region, null);

            assertThat(lists.count(inRegion)).isEqualTo(2);
            assertThat(lists.count(new CustomerAudience(Segment.DETRACTOR, "STANDARD", region, null)))
                    .as("criteria narrow; tier in any case")
                    .isEqualTo(2);
            assertThat(lists.count(new CustomerAudience(Segment.PROMOTER, null, region, null)))
                    .isZero();
            assertThat(lists.count(new CustomerAudience(null, null, region, MONDAY.minus(Duration.ofDays(1)))))
                    .as("both answered since")
                    .isZero();

            SurveyRunView run = lists.start("Region check-in", "check-in", inRegion, "paula");
            assertThat(run.total()).isEqualTo(2);
            postman.deliverDue();

            SurveyRunView done = lists.progress(run.runId()).orElseThrow();
            assertThat(done.counts())
                    .containsEntry(InvitationStatus.SENT, 1L)
                    .containsEntry(InvitationStatus.SKIPPED, 1L);
            assertThat(mail.subjectsFor(address(declined))).contains("How likely are you to recommend us?");
            assertThat(surveysReceivedBy(withOpenCase))
                    .as("the customer has an open case")
                    .isEmpty();
            assertThat(surveysReceivedBy(elsewhere)).isEmpty();
        }

        /** A response from the customer in the region, received through intake: it opens the customer's case. */
        void answered(String customer, int score, String region, String mayContact) {
            intake.receive(new ResponseSubmission(
                    "test-survey",
                    "evt-" + UUID.randomUUID(),
                    MONDAY.minus(Duration.ofHours(1)),
                    score,
                    "Slow",
                    new CustomerDetails(customer, "Dana Doe", address(customer), null, Channel.EMAIL, "standard", null),
                    Map.of("region", region, "may-contact", mayContact),
                    "installation"));
        }

        @Test
        void aPausedRunSendsNothingUntilItIsResumed() throws Exception {
            String a = customer();
            JsonNode run = json.readTree(postCsv(
                            "/api/surveys/runs?name=Paused&touchpoint=check-in",
                            "external_id,email\n" + a + "," + address(a) + "\n")
                    .body());
            String path = "/api/surveys/runs/" + run.get("runId").asText();

            assertThat(json.readTree(postCsv(path + "/pause", "").body())
                            .get("paused")
                            .asBoolean())
                    .isTrue();
            postman.deliverDue();
            assertThat(mail.allReceivedBy(address(a))).isEmpty();

            postCsv(path + "/resume", "");
            postman.deliverDue();
            assertThat(mail.allReceivedBy(address(a))).hasSize(1);
        }

        @Test
        void aListWithBadLinesIsRefusedWholeAndSaysWhichLines() throws Exception {
            String a = customer();
            long runsBefore = db.queryForObject("select count(*) from survey_run", Long.class);

            HttpResponse<String> refused = postCsv(
                    "/api/surveys/runs?name=Bad&touchpoint=check-in",
                    "external_id,email,language\n" + a + "," + address(a) + ",en\n,nobody@example.com,en\n" + customer()
                            + ",not-an-address,English\n");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("line 3: customer.externalId")
                    .contains("line 4: customer.email")
                    .contains("line 4: language");
            assertThat(db.queryForObject("select count(*) from survey_run", Long.class))
                    .isEqualTo(runsBefore);
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
        void everySurveyEmailOffersOneClickUnsubscribeToTheMailClientAndItsPostUnsubscribes() throws Exception {
            String customer = customer();
            SurveyInvitationView invitation = surveys.invite(request(customer, "billing", null));
            MimeMessage email = mail.receivedBy(address(customer));

            String[] listUnsubscribe = email.getHeader("List-Unsubscribe");
            assertThat(listUnsubscribe).hasSize(1);
            assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            Matcher link = Pattern.compile("<(https://care\\.example\\.com(/survey/unsubscribe/[A-Za-z0-9_-]{76}))>")
                    .matcher(listUnsubscribe[0]);
            assertThat(link.matches()).as(listUnsubscribe[0]).isTrue();
            assertThat(link.group(1))
                    .as("the same signed link as the email's own")
                    .contains(all(UNSUBSCRIBE_LINK, MailServer.part(email, "text/html"))
                            .get(0));

            // what a mail client sends (RFC 8058): no cookie, no CSRF token, just the one-click body
            HttpResponse<String> oneClick = postForm(link.group(2), "List-Unsubscribe=One-Click");

            assertThat(oneClick.statusCode()).isEqualTo(200);
            assertThat(surveys.isUnsubscribed(invitation.invitationId())).isTrue();
            assertThat(postForm(link.group(2).replace("unsubscribe/", "unsubscribe/x"), "List-Unsubscribe=One-Click")
                            .statusCode())
                    .as("a forged link unsubscribes nobody")
                    .isEqualTo(404);
        }

        @Test
        void theReminderCarriesTheOneClickUnsubscribeToo() throws Exception {
            String customer = customer();
            surveys.invite(request(customer, "billing", null));

            later(Duration.ofDays(4));
            postman.deliverDue();

            List<MimeMessage> received = surveysReceivedBy(customer);
            assertThat(received).hasSize(2);
            assertThat(received.get(1).getHeader("List-Unsubscribe-Post"))
                    .containsExactly("List-Unsubscribe=One-Click");
            assertThat(received.get(1).getHeader("List-Unsubscribe")[0])
                    .startsWith("<https://care.example.com/survey/unsubscribe/");
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

    /** The survey emails the customer got (the closed loop sends them others), in order. */
    static List<MimeMessage> surveysReceivedBy(String customer) throws Exception {
        List<MimeMessage> surveys = new ArrayList<>();
        for (MimeMessage message : mail.allReceivedBy(address(customer))) {
            if (message.getHeader("X-Loopkeeper-Delivery")[0].startsWith("survey:")) {
                surveys.add(message);
            }
        }
        return surveys;
    }

    /** The one-click link for this score in the customer's (only) survey email. */
    static String scoreLink(String customer, int score) throws Exception {
        return all(
                        SURVEY_LINK,
                        MailServer.part(mail.allReceivedBy(address(customer)).get(0), "text/html"))
                .get(score);
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

    HttpResponse<String> postCsv(String path, String csv) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "text/csv")
                        .header("X-Api-Key", API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
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
