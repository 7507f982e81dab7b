package dev.loopkeeper.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Alerts the policy routes to Slack or Teams, posted to their incoming webhooks (WireMock): the formatted message
 * with the case's facts and link, once per alert however often the job is retried, and a failure that fails the job
 * (so it retries and ends as an incident) with the attempt in the delivery log.
 */
class ChatAlertsTest extends OutreachIntegrationTest {

    static final WireMockServer chats = new WireMockServer(options().dynamicPort());

    static {
        chats.start();
    }

    @Autowired
    StaffAlerts alerts;

    @Autowired
    StaffTools tools;

    @Autowired
    Outreach outreach;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void connectChats() {
        chats.resetAll();
        chats.stubFor(post(urlEqualTo("/slack"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        chats.stubFor(post(urlEqualTo("/teams")).willReturn(aResponse().withStatus(202)));
        tools.connectChat(Medium.SLACK, chats.baseUrl() + "/slack", "ada");
        tools.connectChat(Medium.TEAMS, chats.baseUrl() + "/teams", "ada");
    }

    @AfterEach
    void disconnectChats() {
        tools.disconnect(Medium.SLACK);
        tools.disconnect(Medium.TEAMS);
    }

    /** A detractor's new case: the shipped policy posts it to Slack and Teams. */
    static AlertEvent detractor(UUID caseId) {
        return new AlertEvent(
                AlertEvent.CASE_OPENED,
                DeliveryKey.ofCase(caseId, "new"),
                "new-case",
                null,
                new AlertEvent.Facts("detractor", 2, "gold", 25000.0, "EMEA", "Broadband", "", Map.of()),
                "New detractor (2): Dana <Doe> & Co",
                "The line drops every evening.");
    }

    @Test
    void slackGetsBlockKitWithTheCasesFactsAndALinkToIt() throws Exception {
        UUID caseId = UUID.randomUUID();

        alerts.raise(detractor(caseId));

        JsonNode slack = json.readTree(single("/slack").getBodyAsString());
        assertThat(slack.path("text").asText()).isEqualTo("New detractor (2): Dana <Doe> & Co");
        JsonNode blocks = slack.path("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(1).path("text").path("text").asText()).isEqualTo("The line drops every evening.");
        assertThat(blocks.get(2).path("fields").findValuesAsText("text"))
                .contains(
                        "*Segment*\ndetractor",
                        "*Score*\n2",
                        "*Tier*\ngold",
                        "*Region*\nEMEA",
                        "*Product*\nBroadband",
                        "*Lifetime value*\n25,000");
        JsonNode button = blocks.get(3).path("elements").get(0);
        assertThat(button.path("type").asText()).isEqualTo("button");
        assertThat(button.path("url").asText()).isEqualTo(PUBLIC_URL + "/cases/" + caseId);
        assertThat(single("/slack").getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void teamsGetsAnAdaptiveCardWithTheFactsAndALinkToTheCase() throws Exception {
        UUID caseId = UUID.randomUUID();

        alerts.raise(detractor(caseId));

        JsonNode teams = json.readTree(single("/teams").getBodyAsString());
        assertThat(teams.path("type").asText()).isEqualTo("message");
        JsonNode attachment = teams.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo("New detractor (2): Dana <Doe> & Co");
        assertThat(card.path("body").get(2).path("type").asText()).isEqualTo("FactSet");
        assertThat(card.path("body").get(2).path("facts").findValuesAsText("title"))
                .contains("Segment", "Score", "Tier");
        JsonNode open = card.path("actions").get(0);
        assertThat(open.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(open.path("url").asText()).isEqualTo(PUBLIC_URL + "/cases/" + caseId);
    }

    @Test
    void aRetriedJobPostsEachAlertOnce() {
        UUID caseId = UUID.randomUUID();

        alerts.raise(detractor(caseId));
        alerts.raise(detractor(caseId));

        assertThat(chats.findAll(postRequestedFor(urlEqualTo("/slack")))).hasSize(1);
        assertThat(chats.findAll(postRequestedFor(urlEqualTo("/teams")))).hasSize(1);
        assertThat(outreach.deliveriesOf(caseId))
                .extracting(Delivery::channel, Delivery::status)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(Medium.SLACK, DeliveryStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple(Medium.TEAMS, DeliveryStatus.SENT));
    }

    @Test
    void aChatThatRefusesFailsTheJobAndItsRetryPostsOnlyWhatIsMissing() {
        chats.stubFor(post(urlEqualTo("/slack"))
                .willReturn(aResponse().withStatus(500).withBody("invalid_token")));
        UUID caseId = UUID.randomUUID();

        assertThatThrownBy(() -> alerts.raise(detractor(caseId)))
                .isInstanceOf(OutreachFailed.class)
                .hasMessageContaining("slack")
                .hasMessageContaining("500")
                .hasMessageContaining("invalid_token");
        Delivery failed = outreach.delivery(DeliveryKey.ofCase(caseId, "new").and("slack"))
                .orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.lastError()).contains("invalid_token");

        chats.stubFor(post(urlEqualTo("/slack"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        alerts.raise(detractor(caseId));

        assertThat(chats.findAll(postRequestedFor(urlEqualTo("/slack")))).hasSize(2);
        assertThat(chats.findAll(postRequestedFor(urlEqualTo("/teams")))).hasSize(1);
        assertThat(outreach.delivery(DeliveryKey.ofCase(caseId, "new").and("slack"))
                        .orElseThrow()
                        .attempts())
                .isEqualTo(2);
    }

    @Test
    void aChatNobodyConnectedIsSkipped() {
        tools.disconnect(Medium.TEAMS);

        alerts.raise(detractor(UUID.randomUUID()));

        assertThat(chats.findAll(postRequestedFor(urlEqualTo("/slack")))).hasSize(1);
        assertThat(chats.findAll(postRequestedFor(urlEqualTo("/teams")))).isEmpty();
    }

    @Test
    void sendTestPostsToTheChatOrSaysWhy() {
        assertThat(tools.sendTest(Medium.SLACK)).contains("Slack");
        assertThat(single("/slack").getBodyAsString()).contains("Loopkeeper is connected");

        chats.stubFor(post(urlEqualTo("/teams"))
                .willReturn(aResponse().withStatus(404).withBody("gone")));
        assertThatThrownBy(() -> tools.sendTest(Medium.TEAMS))
                .isInstanceOf(OutreachFailed.class)
                .hasMessageContaining("404");
    }

    @Test
    void theUrlIsStoredButShownOnlyAsAHint() {
        StaffTools.Connection slack = tools.connection(Medium.SLACK);

        assertThat(slack.connected()).isTrue();
        assertThat(slack.hint()).doesNotContain("/slack").endsWith("lack");
        assertThat(slack.changedBy()).isEqualTo("ada");
    }

    private LoggedRequest single(String path) {
        List<LoggedRequest> posted = chats.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(posted).hasSize(1);
        return posted.get(0);
    }
}
