package dev.loopkeeper.integrations;

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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.integrations.domain.WebhookRows;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sla.SlaBreached;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbound webhooks for case events against a real HTTP consumer (WireMock): written in the event's transaction,
 * signed per Standard Webhooks, retried with backoff, failed when the attempts run out, replayed under the same id,
 * and leased so that of two nodes only one sends a delivery.
 */
abstract class OutboundWebhooksContract {

    static final WireMockServer consumer = new WireMockServer(options().dynamicPort());

    static {
        consumer.start();
    }

    @Autowired
    WebhookSubscriptions subscriptions;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    WebhookRows rows;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    CaseIntake intake;

    @Autowired
    ObjectMapper json;

    String path;
    String secret;
    UUID subscriptionId;

    @BeforeEach
    void subscribe() {
        consumer.resetAll();
        path = "/hooks/" + UUID.randomUUID();
        consumer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        WebhookSubscriptions.Added added = subscriptions.add(
                consumer.baseUrl() + path,
                EnumSet.of(WebhookEvent.CASE_OPENED, WebhookEvent.CASE_BREACHED),
                "CRM",
                "ada");
        secret = added.secret();
        subscriptionId = added.id();
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.remove(subscriptionId);
        ClockUtil.reset();
    }

    @Test
    void aNewCaseIsDeliveredSignedPerStandardWebhooks() throws Exception {
        UUID caseId = intake.receive(TestResponses.withScore(2)).caseId();

        assertThat(deliveries.sendDue()).isEqualTo(1);

        LoggedRequest request = single();
        String id = request.getHeader("webhook-id");
        long timestamp = Long.parseLong(request.getHeader("webhook-timestamp"));
        assertThat(id).startsWith("msg_");
        assertThat(Math.abs(timestamp - Instant.now().getEpochSecond())).isLessThan(60);
        assertThat(request.getHeader("webhook-signature"))
                .isEqualTo("v1," + hmacOf(secret, id + "." + timestamp + "." + request.getBodyAsString()));
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(request.getBodyAsString());
        assertThat(body.path("type").asText()).isEqualTo("case.opened");
        assertThat(body.path("data").path("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(body.path("data").path("segment").asText()).isEqualTo("detractor");
        assertThat(body.path("data").path("url").asText()).endsWith("/cases/" + caseId);
        WebhookDeliveries.Delivery logged = logged(id);
        assertThat(logged.status()).isEqualTo("SENT");
        assertThat(logged.attempts()).isEqualTo(1);
        assertThat(logged.responseCode()).isEqualTo(204);
        assertThat(logged.caseId()).isEqualTo(caseId);
    }

    @Test
    void onlyTheEventsASubscriptionChoseAreSentAndARolledBackEventSendsNothing() {
        transaction.executeWithoutResult(tx -> {
            events.publishEvent(breach(false));
            tx.setRollbackOnly();
        });
        transaction.executeWithoutResult(tx -> events.publishEvent(breach(true))); // an escalation: not chosen

        assertThat(deliveries.sendDue()).isZero();
        assertThat(consumer.getAllServeEvents()).isEmpty();
    }

    @Test
    void aFailedDeliveryIsRetriedAfterItsPauseUntilTheConsumerTakesIt() {
        consumer.stubFor(post(urlEqualTo(path))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("down for maintenance"))
                .willSetStateTo("up"));
        consumer.stubFor(post(urlEqualTo(path))
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        Instant start = Instant.now();
        ClockUtil.setCurrentTime(java.util.Date.from(start));
        transaction.executeWithoutResult(tx -> events.publishEvent(breach(false)));

        assertThat(deliveries.sendDue()).isZero();
        String id = single().getHeader("webhook-id");
        WebhookDeliveries.Delivery failed = logged(id);
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.responseCode()).isEqualTo(503);
        assertThat(failed.lastError()).contains("HTTP 503").contains("down for maintenance");
        assertThat(failed.nextAttemptAt()).isAfter(start.plusSeconds(4));

        assertThat(deliveries.sendDue()).as("not due before its pause").isZero();
        ClockUtil.setCurrentTime(java.util.Date.from(start.plusSeconds(6)));
        assertThat(deliveries.sendDue()).isEqualTo(1);

        List<LoggedRequest> sent = received();
        assertThat(sent)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.getHeader("webhook-id")).isEqualTo(id));
        WebhookDeliveries.Delivery delivered = logged(id);
        assertThat(delivered.status()).isEqualTo("SENT");
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastError()).isNull();
    }

    @Test
    void aDeliveryFailsWhenItsAttemptsRunOutAndAReplaySendsItAgainUnderTheSameId() {
        consumer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        Instant at = Instant.now();
        ClockUtil.setCurrentTime(java.util.Date.from(at));
        transaction.executeWithoutResult(tx -> events.publishEvent(breach(false)));
        for (int attempt = 0; attempt < 12; attempt++) {
            deliveries.sendDue();
            at = at.plus(Duration.ofHours(11));
            ClockUtil.setCurrentTime(java.util.Date.from(at));
        }
        assertThat(received()).hasSize(8);
        String id = received().get(0).getHeader("webhook-id");
        WebhookDeliveries.Delivery failed = logged(id);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(8);
        assertThat(failed.responseCode()).isEqualTo(500);

        consumer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        deliveries.replay(id);
        assertThat(deliveries.sendDue()).isEqualTo(1);

        List<LoggedRequest> sent = received();
        assertThat(sent).hasSize(9);
        assertThat(sent.get(8).getHeader("webhook-id")).isEqualTo(id);
        assertThat(sent.get(8).getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString());
        assertThat(logged(id).status()).isEqualTo("SENT");
    }

    @Test
    void theLogForgetsSentDeliveriesAfterThirtyDaysAndKeepsPendingOnes() {
        Instant at = Instant.now();
        ClockUtil.setCurrentTime(java.util.Date.from(at));
        transaction.executeWithoutResult(tx -> events.publishEvent(breach(false)));
        deliveries.sendDue();
        String sent = received().get(0).getHeader("webhook-id");
        consumer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        transaction.executeWithoutResult(tx -> events.publishEvent(breach(false)));
        deliveries.sendDue();
        String pending = received().get(1).getHeader("webhook-id");
        assertThat(logged(sent).status()).isEqualTo("SENT");
        assertThat(logged(pending).status()).isEqualTo("PENDING");

        ClockUtil.setCurrentTime(java.util.Date.from(at.plus(Duration.ofDays(29))));
        deliveries.forgetOld();
        assertThat(rows.delivery(sent)).isPresent();

        ClockUtil.setCurrentTime(java.util.Date.from(at.plus(Duration.ofDays(31))));
        assertThat(deliveries.forgetOld()).isPositive();
        assertThat(rows.delivery(sent)).isEmpty();
        assertThat(rows.delivery(pending)).isPresent();
    }

    @Test
    void aTestIsSentAtOnceAndLogged() {
        WebhookDeliveries.Delivery test = deliveries.sendTest(subscriptionId);

        assertThat(test.status()).isEqualTo("SENT");
        assertThat(test.eventType()).isEqualTo("webhook.test");
        assertThat(single().getHeader("webhook-id")).isEqualTo(test.id());
    }

    @Test
    void ofTwoNodesThatLeaseTheSameDeliveryAtOnceOnlyOneGetsIt() throws Exception {
        transaction.executeWithoutResult(tx -> events.publishEvent(breach(false)));
        Instant now = Instant.now().plusSeconds(1);
        String id = rows.due(now, 10).get(0);
        CountDownLatch ready = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> leases = List.of(
                    () -> lease(ready, id, "node-1", now),
                    () -> lease(ready, id, "node-2", now),
                    () -> lease(ready, id, "node-3", now),
                    () -> lease(ready, id, "node-4", now));
            List<Future<Boolean>> taken = leases.stream().map(nodes::submit).toList();
            ready.countDown();
            long winners = 0;
            for (Future<Boolean> lease : taken) {
                winners += lease.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(rows.lease(id, "node-5", now.plusSeconds(30), now.plusSeconds(90)))
                .as("the lease holds for its minute")
                .isFalse();
        assertThat(rows.lease(id, "node-5", now.plusSeconds(61), now.plusSeconds(121)))
                .as("a lease that ran out (its node died) is taken over")
                .isTrue();
    }

    @Test
    void aSubscriptionNeedsAPublicHttpsUrlAndEvents() {
        assertThatThrownBy(
                        () -> subscriptions.add("ftp://example.com/x", Set.of(WebhookEvent.CASE_OPENED), null, "ada"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        assertThatThrownBy(() -> subscriptions.add("https://example.com/x", Set.of(), null, "ada"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events");
    }

    private boolean lease(CountDownLatch ready, String id, String node, Instant now) throws InterruptedException {
        ready.await();
        return rows.lease(id, node, now, now.plusSeconds(60));
    }

    private static SlaBreached breach(boolean escalation) {
        return new SlaBreached(
                UUID.randomUUID(),
                UUID.randomUUID(),
                escalation ? "Task_ReviewEscalation" : "Task_ContactCustomer",
                Instant.now(),
                Instant.now(),
                Segment.DETRACTOR.key(),
                escalation);
    }

    private LoggedRequest single() {
        List<LoggedRequest> sent = received();
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private List<LoggedRequest> received() {
        return consumer.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private WebhookDeliveries.Delivery logged(String id) {
        return deliveries.recent(0, 200).stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** An HMAC-SHA256 computed here, independently of the code under test. */
    private static String hmacOf(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
