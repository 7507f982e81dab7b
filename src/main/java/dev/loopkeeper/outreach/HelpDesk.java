package dev.loopkeeper.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopkeeper.outreach.domain.StaffToolRows;
import dev.loopkeeper.sharedkernel.OutboundAddresses;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * A help-desk ticket for a case, on request: Zendesk's Tickets API ({@code POST /api/v2/tickets.json}, API token
 * auth), with the customer's response as a private note, its id kept on the case. Once per case: the send-once log
 * holds the attempt, and a retry after a lost answer first asks Zendesk for a ticket with the case's
 * {@code external_id}, so a crash between Zendesk's answer and our write opens no second ticket.
 */
@Service
public class HelpDesk {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** What the ticket says; the case screen gathers it. */
    public record TicketRequest(UUID caseId, String subject, String note, List<String> tags) {}

    /** A case's ticket, and where an agent opens it. */
    public record Ticket(long id, URI agentUrl) {}

    private final StaffToolRows tools;
    private final Outreach outreach;
    private final OutboundAddresses addresses;
    private final Clock clock;
    private final RestClient http;

    HelpDesk(
            StaffToolRows tools,
            Outreach outreach,
            OutboundAddresses addresses,
            Clock clock,
            RestClient.Builder builder) {
        this.tools = tools;
        this.outreach = outreach;
        this.addresses = addresses;
        this.clock = clock;
        this.http = builder.clone().requestFactory(addresses.requests(TIMEOUT)).build();
    }

    public boolean connected() {
        return tools.tool(StaffTools.name(Medium.HELP_DESK)).isPresent();
    }

    public Optional<Ticket> ticketOf(UUID caseId) {
        return tools.ticketOf(caseId).map(t -> new Ticket(t.ticketId(), URI.create(t.ticketUrl())));
    }

    /**
     * Opens the case's ticket, or returns the one it has.
     *
     * @throws OutreachFailed if Zendesk is not connected or did not open it (the attempt stays in the log)
     */
    public Ticket openTicket(TicketRequest request, String by) {
        Optional<Ticket> existing = ticketOf(request.caseId());
        if (existing.isPresent()) {
            return existing.get();
        }
        StaffToolRows.Tool zendesk = tools.tool(StaffTools.name(Medium.HELP_DESK))
                .orElseThrow(() -> new OutreachFailed("Zendesk is not connected (Integrations screen)"));
        URI base = checked(zendesk.url());
        String externalId = "loopkeeper-case-" + request.caseId();
        DeliveryKey key = DeliveryKey.ofCase(request.caseId(), "help-desk-ticket");
        outreach.sendOnce(key, Medium.HELP_DESK, zendesk.account(), "zendesk-ticket", attempt -> {
            JsonNode ticket = attempt > 1 ? findByExternalId(zendesk, base, externalId) : null;
            if (ticket == null) {
                ticket = create(zendesk, base, request, externalId);
            }
            long id = ticket.path("id").asLong();
            if (id <= 0) {
                throw new IllegalStateException("Zendesk answered without a ticket id");
            }
            tools.addTicket(
                    new StaffToolRows.Ticket(request.caseId(), id, base + "/agent/tickets/" + id, clock.instant(), by));
        });
        return ticketOf(request.caseId()).orElseThrow();
    }

    /**
     * Signs in with the stored credentials ({@code GET /api/v2/users/me.json}); opens nothing.
     *
     * @throws OutreachFailed with Zendesk's answer
     */
    String checkConnection() {
        StaffToolRows.Tool zendesk = tools.tool(StaffTools.name(Medium.HELP_DESK))
                .orElseThrow(() -> new OutreachFailed("Zendesk is not connected"));
        URI base = checked(zendesk.url());
        JsonNode me = call(() -> http.get()
                .uri(base + "/api/v2/users/me.json")
                .header("Authorization", authorization(zendesk))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(JsonNode.class));
        JsonNode user = me == null ? null : me.path("user");
        if (user == null || user.path("id").isNull() || user.path("id").isMissingNode()) {
            throw new OutreachFailed("Zendesk did not sign us in: check the email and the API token");
        }
        return "Signed in to Zendesk as " + user.path("name").asText() + " ("
                + user.path("email").asText() + ")";
    }

    private JsonNode create(StaffToolRows.Tool zendesk, URI base, TicketRequest request, String externalId) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("subject", request.subject());
        ticket.put("comment", Map.of("body", request.note(), "public", false));
        ticket.put("external_id", externalId);
        ticket.put("tags", request.tags());
        JsonNode created = call(() -> http.post()
                .uri(base + "/api/v2/tickets.json")
                .header("Authorization", authorization(zendesk))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(Map.of("ticket", ticket))
                .retrieve()
                .body(JsonNode.class));
        return created == null ? null : created.path("ticket");
    }

    private JsonNode findByExternalId(StaffToolRows.Tool zendesk, URI base, String externalId) {
        JsonNode found = call(() -> http.get()
                .uri(base + "/api/v2/tickets.json?external_id={id}", externalId)
                .header("Authorization", authorization(zendesk))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(JsonNode.class));
        JsonNode tickets = found == null ? null : found.path("tickets");
        return tickets != null && tickets.isArray() && !tickets.isEmpty() ? tickets.get(0) : null;
    }

    /** Zendesk's API token auth: basic auth as {@code {email}/token} with the token as password. */
    private static String authorization(StaffToolRows.Tool zendesk) {
        String credentials = zendesk.account() + "/token:" + zendesk.secret();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private URI checked(String url) {
        try {
            return addresses.check(url);
        } catch (IllegalArgumentException refused) {
            throw new OutreachFailed("Zendesk: " + refused.getMessage());
        }
    }

    private static JsonNode call(java.util.function.Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (RestClientResponseException answered) {
            String body = answered.getResponseBodyAsString();
            throw new OutreachFailed(
                    "Zendesk answered " + answered.getStatusCode().value() + ": "
                            + (body.length() > 300 ? body.substring(0, 300) + "…" : body),
                    answered);
        } catch (OutreachFailed e) {
            throw e;
        } catch (RuntimeException unreachable) {
            throw new OutreachFailed("Zendesk was not reached: " + unreachable.getMessage(), unreachable);
        }
    }
}
