package dev.loopkeeper.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.integrations.domain.WebhookRows;
import dev.loopkeeper.sharedkernel.OutboundAddresses;
import dev.loopkeeper.sharedkernel.StandardWebhooks;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.RestClient;

/**
 * Outbound webhook deliveries: written to the outbox in the transaction of the event they tell of (an event that
 * rolls back sends nothing; one that commits is sent even if the node dies next), then sent by whichever node leases
 * them first, signed per Standard Webhooks, and retried with growing pauses until the consumer answers 2xx or the
 * attempts run out (FAILED, shown in the delivery log). A replay sends a delivery again under the same
 * {@code webhook-id}, so a consumer that already has it can drop it.
 */
@Service
public class WebhookDeliveries {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);
    /** The pauses after each failed attempt, as the Standard Webhooks spec suggests them. */
    static final List<Duration> BACKOFF = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    private static final int BATCH = 20;
    private static final int MAX_ERROR_LENGTH = 1000;

    /** One delivery as the log shows it. */
    public record Delivery(
            String id,
            UUID subscriptionId,
            String eventType,
            UUID caseId,
            String status,
            int attempts,
            Instant nextAttemptAt,
            Instant lastAttemptAt,
            Integer responseCode,
            String lastError,
            Instant createdAt,
            Instant deliveredAt) {

        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    private final WebhookRows rows;
    private final WebhookSubscriptions subscriptions;
    private final OutboundAddresses addresses;
    private final WebhookSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final RestClient http;
    private final String node;

    WebhookDeliveries(
            WebhookRows rows,
            WebhookSubscriptions subscriptions,
            OutboundAddresses addresses,
            WebhookSettings settings,
            ObjectMapper json,
            Clock clock,
            RestClient.Builder builder) {
        this.rows = rows;
        this.subscriptions = subscriptions;
        this.addresses = addresses;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = builder.clone()
                .requestFactory(addresses.requests(settings.timeout()))
                .build();
        this.node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Writes a delivery for every subscription that hears of the event, in the caller's transaction.
     *
     * @param data the payload's {@code data}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(WebhookEvent event, UUID caseId, Map<String, Object> data) {
        List<WebhookRows.Subscription> subscribers = subscriptions.subscribersOf(event);
        if (subscribers.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String payload = payload(event, now, data);
        for (WebhookRows.Subscription subscription : subscribers) {
            rows.addDelivery(
                    newId(), subscription.id(), event.type(), caseId, payload, settings.maxAttempts() - 1, now);
        }
    }

    /** The delivery log, newest first. */
    public List<Delivery> recent(int offset, int limit) {
        return rows.recent(offset, limit).stream().map(WebhookDeliveries::view).toList();
    }

    public int count() {
        return rows.count();
    }

    /**
     * Sends the delivery again, as it was, at the next round of any node.
     *
     * @throws IllegalArgumentException if there is no such delivery, or a node is sending it right now
     */
    public void replay(String id) {
        if (!rows.replay(id, clock.instant())) {
            throw new IllegalArgumentException("Delivery " + id + " is being sent right now, or does not exist");
        }
    }

    /**
     * Sends a {@code webhook.test} event to the subscription now, and logs it like any delivery.
     *
     * @return the delivery after its one attempt: SENT, or FAILED with the error
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Delivery sendTest(UUID subscriptionId) {
        WebhookRows.Subscription subscription = subscriptions.subscription(subscriptionId);
        Instant now = clock.instant();
        String id = newId();
        rows.addDelivery(
                id,
                subscription.id(),
                WebhookEvent.TEST.type(),
                null,
                payload(WebhookEvent.TEST, now, Map.of("message", "Loopkeeper is connected")),
                0,
                now);
        sendIfLeased(id, now);
        return rows.delivery(id).map(WebhookDeliveries::view).orElseThrow();
    }

    /** Every node, every few seconds: the due deliveries this node can lease, one after the other. */
    @Scheduled(
            fixedDelayString = "${loopkeeper.integrations.webhooks.poll:PT5S}",
            initialDelayString = "${loopkeeper.integrations.webhooks.poll:PT5S}")
    public int sendDue() {
        int sent = 0;
        Instant now = clock.instant();
        for (String id : rows.due(now, BATCH)) {
            if (sendIfLeased(id, now)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Every hour on every node: the log forgets sent and failed deliveries older than
     * {@code loopkeeper.integrations.webhooks.keep} (30 days), a thousand at a time; pending ones stay until they are
     * sent or fail. Two nodes removing the same rows remove them once.
     *
     * @return how many were removed
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    public int forgetOld() {
        Instant before = clock.instant().minus(settings.keep());
        int removed = 0;
        List<String> ids;
        do {
            ids = rows.finishedBefore(before, 1000);
            removed += rows.removeFinished(ids);
        } while (ids.size() == 1000);
        if (removed > 0) {
            log.info("Webhook log: {} deliveries older than {} removed", removed, settings.keep());
        }
        return removed;
    }

    /** Sends the delivery if this node gets its lease; whoever does not get it leaves it alone. */
    private boolean sendIfLeased(String id, Instant now) {
        if (!rows.lease(id, node, now, now.plus(settings.lease()))) {
            return false;
        }
        WebhookRows.Delivery delivery = rows.delivery(id).orElseThrow();
        Outcome outcome;
        try {
            WebhookRows.Subscription subscription = subscriptions.subscription(delivery.subscriptionId());
            outcome = post(subscription, delivery);
        } catch (RuntimeException e) {
            outcome = new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Instant at = clock.instant();
        boolean ok = outcome.code() != null && outcome.code() >= 200 && outcome.code() < 300;
        int retriesLeft = ok ? delivery.retriesLeft() : Math.max(0, delivery.retriesLeft() - 1);
        String status = ok ? "SENT" : delivery.retriesLeft() > 0 ? "PENDING" : "FAILED";
        int attempt = delivery.attempts() + 1;
        Instant next =
                ok || delivery.retriesLeft() == 0 ? at : at.plus(BACKOFF.get(Math.min(attempt, BACKOFF.size()) - 1));
        rows.attempted(id, node, status, retriesLeft, at, next, outcome.code(), shortened(outcome.error()));
        if (!ok) {
            log.warn(
                    "Webhook {} ({}) attempt {} failed: {}; {}",
                    id,
                    delivery.eventType(),
                    attempt,
                    outcome.error(),
                    status.equals("FAILED") ? "no retries left" : "next at " + next);
        }
        return ok;
    }

    private record Outcome(Integer code, String error) {}

    private Outcome post(WebhookRows.Subscription subscription, WebhookRows.Delivery delivery) {
        URI url = addresses.check(subscription.url());
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        String signature = StandardWebhooks.sign(subscription.secret(), delivery.id(), timestamp, body);
        return http.post()
                .uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header(StandardWebhooks.ID, delivery.id())
                .header(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
                .header(StandardWebhooks.SIGNATURE, signature)
                .header("User-Agent", "Loopkeeper-Webhooks/1")
                .body(body)
                .exchange((request, response) -> {
                    int code = response.getStatusCode().value();
                    if (response.getStatusCode().is2xxSuccessful()) {
                        return new Outcome(code, null);
                    }
                    String answer = new String(response.getBody().readNBytes(300), StandardCharsets.UTF_8);
                    return new Outcome(code, "HTTP " + code + (answer.isBlank() ? "" : ": " + answer));
                });
    }

    /** The Standard Webhooks payload: {@code type}, {@code timestamp} and the event's {@code data}. */
    private String payload(WebhookEvent event, Instant at, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", event.type());
        payload.put("timestamp", at.toString());
        payload.put("data", data);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook payload of maps and values always serialises", e);
        }
    }

    private static String newId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Delivery view(WebhookRows.Delivery d) {
        return new Delivery(
                d.id(),
                d.subscriptionId(),
                d.eventType(),
                d.caseId(),
                d.status(),
                d.attempts(),
                d.nextAttemptAt(),
                d.lastAttemptAt(),
                d.responseCode(),
                d.lastError(),
                d.createdAt(),
                d.deliveredAt());
    }

    private static String shortened(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH
                ? error
                : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
