package dev.loopkeeper.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case's Zendesk ticket against Zendesk's Tickets API (WireMock): the request's shape and auth, the id kept on the
 * case, once per case, and a retry after a lost answer that finds the ticket instead of opening a second.
 */
class HelpDeskTest extends OutreachIntegrationTest {

    static final WireMockServer zendesk = new WireMockServer(options().dynamicPort());
    static final String TICKETS = "/api/v2/tickets.json";

    static {
        zendesk.start();
    }

    @Autowired
    HelpDesk helpDesk;

    @Autowired
    StaffTools tools;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void connectZendesk() {
        zendesk.resetAll();
        tools.connectHelpDesk(zendesk.baseUrl() + "/", "agent@example.com", "zd-token-123", "ada");
    }

    @AfterEach
    void disconnect() {
        tools.disconnect(Medium.HELP_DESK);
    }

    static HelpDesk.TicketRequest request(UUID caseId) {
        return new HelpDesk.TicketRequest(
                caseId,
                "NPS 2 (detractor): Dana Doe",
                "Score 2 (detractor)\n\nThe line drops every evening.",
                List.of("loopkeeper", "nps-detractor"));
    }

    @Test
    void opensATicketWithTheResponseAsAPrivateNoteAndKeepsItsId() throws Exception {
        zendesk.stubFor(post(urlEqualTo(TICKETS))
                .willReturn(okJson("{\"ticket\":{\"id\":4711,\"url\":\"" + zendesk.baseUrl()
                                + "/api/v2/tickets/4711.json\"}}")
                        .withStatus(201)));
        UUID caseId = UUID.randomUUID();

        HelpDesk.Ticket ticket = helpDesk.openTicket(request(caseId), "fiona");

        assertThat(ticket.id()).isEqualTo(4711);
        assertThat(ticket.agentUrl().toString()).isEqualTo(zendesk.baseUrl() + "/agent/tickets/4711");
        assertThat(helpDesk.ticketOf(caseId)).contains(ticket);
        List<LoggedRequest> posted = zendesk.findAll(postRequestedFor(urlEqualTo(TICKETS)));
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).getHeader("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        "agent@example.com/token:zd-token-123".getBytes(StandardCharsets.UTF_8)));
        JsonNode sent = json.readTree(posted.get(0).getBodyAsString()).path("ticket");
        assertThat(sent.path("subject").asText()).isEqualTo("NPS 2 (detractor): Dana Doe");
        assertThat(sent.path("comment").path("public").isBoolean()).isTrue();
        assertThat(sent.path("comment").path("public").asBoolean()).isFalse();
        assertThat(sent.path("comment").path("body").asText()).contains("The line drops every evening.");
        assertThat(sent.path("external_id").asText()).isEqualTo("loopkeeper-case-" + caseId);
        assertThat(sent.path("tags").get(0).asText()).isEqualTo("loopkeeper");
    }

    @Test
    void aSecondRequestReturnsTheCasesTicketWithoutOpeningAnother() {
        zendesk.stubFor(post(urlEqualTo(TICKETS)).willReturn(okJson("{\"ticket\":{\"id\":12}}")));
        UUID caseId = UUID.randomUUID();

        helpDesk.openTicket(request(caseId), "fiona");
        HelpDesk.Ticket again = helpDesk.openTicket(request(caseId), "frank");

        assertThat(again.id()).isEqualTo(12);
        assertThat(zendesk.findAll(postRequestedFor(urlEqualTo(TICKETS)))).hasSize(1);
    }

    @Test
    void aFailureIsReportedAndItsRetryFindsATicketZendeskOpenedMeanwhile() {
        zendesk.stubFor(
                post(urlEqualTo(TICKETS)).willReturn(aResponse().withStatus(503).withBody("timeout")));
        UUID caseId = UUID.randomUUID();

        assertThatThrownBy(() -> helpDesk.openTicket(request(caseId), "fiona"))
                .isInstanceOf(OutreachFailed.class)
                .hasMessageContaining("503");
        assertThat(helpDesk.ticketOf(caseId)).isEmpty();

        // Zendesk did open it after all: the retry asks for the case's external id first
        zendesk.stubFor(get(urlPathEqualTo(TICKETS))
                .withQueryParam("external_id", equalTo("loopkeeper-case-" + caseId))
                .willReturn(okJson("{\"tickets\":[{\"id\":99}],\"count\":1}")));
        HelpDesk.Ticket found = helpDesk.openTicket(request(caseId), "fiona");

        assertThat(found.id()).isEqualTo(99);
        assertThat(zendesk.findAll(postRequestedFor(urlEqualTo(TICKETS)))).hasSize(1);
        assertThat(zendesk.findAll(getRequestedFor(urlPathEqualTo(TICKETS)))).hasSize(1);
    }

    @Test
    void sendTestSignsInAndOpensNothing() {
        zendesk.stubFor(get(urlEqualTo("/api/v2/users/me.json"))
                .willReturn(okJson("{\"user\":{\"id\":7,\"name\":\"Agent\",\"email\":\"agent@example.com\"}}")));

        assertThat(tools.sendTest(Medium.HELP_DESK)).contains("agent@example.com");
        assertThat(zendesk.findAll(postRequestedFor(urlEqualTo(TICKETS)))).isEmpty();

        zendesk.stubFor(get(urlEqualTo("/api/v2/users/me.json"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Couldn't authenticate you\"}")));
        assertThatThrownBy(() -> tools.sendTest(Medium.HELP_DESK))
                .isInstanceOf(OutreachFailed.class)
                .hasMessageContaining("401");
    }

    @Test
    void theTokenIsKeptWhenOnlyTheAddressChangesAndIsNeverShown() {
        tools.connectHelpDesk(zendesk.baseUrl(), "other@example.com", "", "ada");

        StaffTools.Connection connection = tools.connection(Medium.HELP_DESK);
        assertThat(connection.account()).isEqualTo("other@example.com");
        assertThat(connection.toString()).doesNotContain("zd-token-123");
    }

    @Test
    void withoutAHelpDeskNoTicketIsOpened() {
        tools.disconnect(Medium.HELP_DESK);

        assertThatThrownBy(() -> helpDesk.openTicket(request(UUID.randomUUID()), "fiona"))
                .isInstanceOf(OutreachFailed.class)
                .hasMessageContaining("not connected");
    }
}
