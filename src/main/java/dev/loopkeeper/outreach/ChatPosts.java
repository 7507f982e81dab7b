package dev.loopkeeper.outreach;

import dev.loopkeeper.outreach.domain.StaffToolRows;
import dev.loopkeeper.sharedkernel.OutboundAddresses;
import java.net.URI;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Alerts as Slack and Teams incoming webhooks take them: Slack's Block Kit, and for Teams a message with an Adaptive
 * Card (what both Teams' incoming webhooks and its Workflows webhooks accept). Each shows the alert, the case's key
 * facts and a button to the case. Any 2xx is taken.
 */
@Component
class ChatPosts {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final StaffToolRows tools;
    private final OutboundAddresses addresses;
    private final OutreachSettings settings;
    private final RestClient http;

    ChatPosts(StaffToolRows tools, OutboundAddresses addresses, OutreachSettings settings, RestClient.Builder builder) {
        this.tools = tools;
        this.addresses = addresses;
        this.settings = settings;
        this.http = builder.clone().requestFactory(addresses.requests(TIMEOUT)).build();
    }

    /** What a chat message says. */
    record Message(String title, String text, Map<String, String> facts, URI link) {}

    boolean connected(Medium chat) {
        return tools.tool(StaffTools.name(chat)).isPresent();
    }

    Message of(AlertEvent event) {
        AlertEvent.Facts facts = event.facts();
        Map<String, String> shown = new LinkedHashMap<>();
        put(shown, "Segment", facts.segment());
        put(shown, "Score", facts.score() == null ? "" : facts.score().toString());
        put(shown, "Tier", facts.customerTier());
        put(
                shown,
                "Lifetime value",
                facts.lifetimeValue() == null
                        ? ""
                        : NumberFormat.getNumberInstance(Locale.ROOT).format(facts.lifetimeValue()));
        put(shown, "Region", facts.region());
        put(shown, "Product", facts.product());
        URI link = event.key().caseId() == null ? settings.publicUrl() : caseLink(event);
        return new Message(event.subject(), event.body(), shown, link);
    }

    Message test(Medium chat) {
        return new Message(
                "Loopkeeper is connected",
                "A test from the Integrations screen: alerts the policy routes to " + chat.key() + " arrive here.",
                Map.of(),
                settings.publicUrl());
    }

    /**
     * Posts the message to the chat's webhook.
     *
     * @throws OutreachFailed if the chat is not connected, its URL is refused, or it did not answer 2xx
     */
    void post(Medium chat, Message message) {
        StaffToolRows.Tool tool = tools.tool(StaffTools.name(chat))
                .orElseThrow(() -> new OutreachFailed(StaffTools.label(chat) + " is not connected"));
        URI url;
        try {
            url = addresses.check(tool.url());
        } catch (IllegalArgumentException refused) {
            throw new OutreachFailed(StaffTools.label(chat) + ": " + refused.getMessage());
        }
        Object payload = chat == Medium.SLACK ? slack(message) : teams(message);
        try {
            http.post()
                    .uri(url)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(payload)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientResponseException answered) {
            throw new OutreachFailed(
                    StaffTools.label(chat) + " answered "
                            + answered.getStatusCode().value() + ": " + shortened(answered.getResponseBodyAsString()),
                    answered);
        } catch (RuntimeException unreachable) {
            throw new OutreachFailed(
                    StaffTools.label(chat) + " was not reached: " + unreachable.getMessage(), unreachable);
        }
    }

    /** Block Kit: a header, the text, the facts as fields, a button; {@code text} is the notification's fallback. */
    static Map<String, Object> slack(Message message) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", plain(limit(message.title(), 150))));
        if (message.text() != null && !message.text().isBlank()) {
            blocks.add(Map.of("type", "section", "text", mrkdwn(limit(escape(message.text()), 3000))));
        }
        if (!message.facts().isEmpty()) {
            blocks.add(Map.of(
                    "type",
                    "section",
                    "fields",
                    message.facts().entrySet().stream()
                            .limit(10)
                            .map(fact -> mrkdwn("*" + fact.getKey() + "*\n" + escape(fact.getValue())))
                            .toList()));
        }
        blocks.add(Map.of(
                "type",
                "actions",
                "elements",
                List.of(Map.of(
                        "type",
                        "button",
                        "text",
                        plain("Open in Loopkeeper"),
                        "url",
                        message.link().toString()))));
        return Map.of("text", limit(message.title(), 3000), "blocks", blocks);
    }

    /** A message with one Adaptive Card (schema 1.4): title, text, a fact set and an "open" action. */
    static Map<String, Object> teams(Message message) {
        List<Object> body = new ArrayList<>();
        body.add(Map.of(
                "type", "TextBlock", "text", message.title(), "weight", "Bolder", "size", "Medium", "wrap", true));
        if (message.text() != null && !message.text().isBlank()) {
            body.add(Map.of("type", "TextBlock", "text", message.text(), "wrap", true));
        }
        if (!message.facts().isEmpty()) {
            body.add(Map.of(
                    "type",
                    "FactSet",
                    "facts",
                    message.facts().entrySet().stream()
                            .map(fact -> Map.of("title", fact.getKey(), "value", fact.getValue()))
                            .toList()));
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", body);
        card.put(
                "actions",
                List.of(Map.of(
                        "type",
                        "Action.OpenUrl",
                        "title",
                        "Open in Loopkeeper",
                        "url",
                        message.link().toString())));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        return Map.of("type", "message", "attachments", List.of(attachment));
    }

    private URI caseLink(AlertEvent event) {
        String base = settings.publicUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/cases/" + event.key().caseId());
    }

    private static void put(Map<String, String> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(name, value);
        }
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text);
    }

    private static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }

    /** Slack's three control characters; everything else is shown as typed. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String limit(String text, int max) {
        String value = text == null || text.isBlank() ? "Loopkeeper" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static String shortened(String body) {
        return body == null ? "" : body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
