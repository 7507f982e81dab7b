package dev.loopkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.CaseTimeline;
import dev.loopkeeper.casework.TimelineEntry;
import dev.loopkeeper.sharedkernel.Actor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Survey tools pushing responses over real HTTP: Standard Webhooks signed deliveries and Delighted's webhook, with
 * the demo's secrets ({@link DemoWebhookSecrets}); on whatever database the subclass gives it.
 */
abstract class WebhookIntakeContract {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate db;

    @Autowired
    RuntimeService runtime;

    @Autowired
    WebhookSecrets secrets;

    @Autowired
    CaseTimeline timeline;

    final HttpClient http = HttpClient.newHttpClient();

    /** Standard Webhooks: our format, signed over id.timestamp.body. */
    @Nested
    class SignedDeliveries {

        static final String SOURCE = "survey-tool";

        @Test
        void aSignedDeliveryOpensACase() throws Exception {
            String eventId = UUID.randomUUID().toString();

            HttpResponse<String> created =
                    deliver(SOURCE, "msg_" + eventId, now(), body(eventId), DemoWebhookSecrets.SURVEY_TOOL);

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String caseId = json.readTree(created.body()).get("caseId").asText();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/cases/" + caseId);
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceBusinessKey(caseId)
                            .count())
                    .isOne();
        }

        @Test
        void theSameDeliveryReplayedIs401AndStoresNothing() throws Exception {
            String eventId = UUID.randomUUID().toString();
            long sent = now();
            assertThat(deliver(SOURCE, "msg_" + eventId, sent, body(eventId), DemoWebhookSecrets.SURVEY_TOOL)
                            .statusCode())
                    .isEqualTo(201);
            Map<String, Long> before = stored();

            HttpResponse<String> replay =
                    deliver(SOURCE, "msg_" + eventId, sent, body(eventId), DemoWebhookSecrets.SURVEY_TOOL);

            assertRefused(replay, "replay");
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void theSendersRetryWithANewTimestampGetsTheSameCase() throws Exception {
            String eventId = UUID.randomUUID().toString();
            HttpResponse<String> first =
                    deliver(SOURCE, "msg_" + eventId, now() - 60, body(eventId), DemoWebhookSecrets.SURVEY_TOOL);
            Map<String, Long> before = stored();

            HttpResponse<String> retry =
                    deliver(SOURCE, "msg_" + eventId, now(), body(eventId), DemoWebhookSecrets.SURVEY_TOOL);

            assertThat(retry.statusCode()).isEqualTo(200);
            assertThat(json.readTree(retry.body()).get("caseId"))
                    .isEqualTo(json.readTree(first.body()).get("caseId"));
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void aWrongSignatureAnOldTimestampOrNoSignatureIs401AndStoresNothing() throws Exception {
            String eventId = UUID.randomUUID().toString();
            Map<String, Long> before = stored();

            assertRefused(deliver(SOURCE, "msg_a" + eventId, now(), body(eventId), SecretsOf.WRONG), "No signature");
            assertRefused(
                    deliver(SOURCE, "msg_b" + eventId, now() - 301, body(eventId), DemoWebhookSecrets.SURVEY_TOOL),
                    "5 minutes");
            assertRefused(
                    send(HttpRequest.newBuilder(uri("/api/webhooks/" + SOURCE))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(eventId)))
                            .build()),
                    "needs the headers");
            assertRefused(
                    deliver("no-such-source", "msg_c" + eventId, now(), body(eventId), DemoWebhookSecrets.SURVEY_TOOL),
                    "No webhook secret");
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void theApiKeyIsNoSignature() throws Exception {
            HttpResponse<String> withKey = send(HttpRequest.newBuilder(uri("/api/webhooks/" + SOURCE))
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", "demo-intake-key")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            body(UUID.randomUUID().toString())))
                    .build());

            assertRefused(withKey, "needs the headers");
        }

        @Test
        void aSecretIsRotatedWithoutARestart() throws Exception {
            String source = "rotating-" + UUID.randomUUID().toString().substring(0, 8);
            String old = WebhookSecrets.generate();
            String next = WebhookSecrets.generate();
            UUID oldId = secrets.add(source, old, "ada");

            assertThat(deliver(
                                    source,
                                    "msg_1" + source,
                                    now(),
                                    body(UUID.randomUUID().toString(), source),
                                    old)
                            .statusCode())
                    .isEqualTo(201);
            secrets.add(source, next, "ada");
            // the sender signs with both while it switches over
            assertThat(deliver(
                                    source,
                                    "msg_2" + source,
                                    now(),
                                    body(UUID.randomUUID().toString(), source),
                                    next,
                                    old)
                            .statusCode())
                    .isEqualTo(201);
            secrets.remove(oldId);

            assertRefused(
                    deliver(
                            source,
                            "msg_3" + source,
                            now(),
                            body(UUID.randomUUID().toString(), source),
                            old),
                    "No signature");
            assertThat(deliver(
                                    source,
                                    "msg_4" + source,
                                    now(),
                                    body(UUID.randomUUID().toString(), source),
                                    next)
                            .statusCode())
                    .isEqualTo(201);
        }

        @Test
        void aSignedBodyIsReadByTheApisRulesAndNamesTheBadField() throws Exception {
            ObjectNode body = (ObjectNode) json.readTree(body(UUID.randomUUID().toString()));
            body.put("coment", "typo");
            Map<String, Long> before = stored();

            HttpResponse<String> refused =
                    deliver(SOURCE, "msg_" + UUID.randomUUID(), now(), body.toString(), DemoWebhookSecrets.SURVEY_TOOL);

            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode error = json.readTree(refused.body()).get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("coment");
            assertThat(error.get("message").asText()).isEqualTo("is not a known field; did you mean comment?");
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void aDeliveryIdLongerThanTheOneWeKeepIs400AndStoresNothing() throws Exception {
            Map<String, Long> before = stored();

            HttpResponse<String> refused = deliver(
                    SOURCE, "m".repeat(201), now(), body(UUID.randomUUID().toString()), DemoWebhookSecrets.SURVEY_TOOL);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode error = json.readTree(refused.body()).get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("webhook-id");
            assertThat(error.get("message").asText()).contains("at most 200");
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void whatTheServerOrItsFirewallRefusesBeforeTheAppSeesItIsAProblemDocumentToo() throws Exception {
            Map<String, Long> before = stored();

            HttpResponse<String> hugeHeader = deliver(
                    SOURCE,
                    "m".repeat(20_000),
                    now(),
                    body(UUID.randomUUID().toString()),
                    DemoWebhookSecrets.SURVEY_TOOL);
            HttpResponse<String> encodedSlash = send(HttpRequest.newBuilder(uri("/api/webhooks/..%2Fresponses"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build());

            HttpResponse<String> semicolon = send(HttpRequest.newBuilder(uri("/api/webhooks/a;b=c"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build());

            for (HttpResponse<String> refused : List.of(hugeHeader, encodedSlash, semicolon)) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(json.readTree(refused.body()).get("status").asInt()).isEqualTo(400);
            }
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void aSourceSignsOnlyItsOwnResponses() throws Exception {
            HttpResponse<String> refused = deliver(
                    SOURCE,
                    "msg_" + UUID.randomUUID(),
                    now(),
                    body(UUID.randomUUID().toString(), "another-tool"),
                    DemoWebhookSecrets.SURVEY_TOOL);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json.readTree(refused.body())
                            .get("errors")
                            .get(0)
                            .get("field")
                            .asText())
                    .isEqualTo("source");
        }
    }

    /** Delighted's webhook as Delighted sends it. */
    @Nested
    class Delighted {

        @Test
        void aScoreOpensACaseAndTheCommentThatFollowsUpdatesItWithoutASecondCase() throws Exception {
            String responseId = String.valueOf(System.nanoTime());
            long created = Instant.now().getEpochSecond() - 120;

            HttpResponse<String> first =
                    delighted(payload("survey_response.created", responseId, 3, null, created, created));
            HttpResponse<String> update = delighted(payload(
                    "survey_response.updated",
                    responseId,
                    3,
                    "Nobody called me back about the outage",
                    created,
                    created + 60));

            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            String caseId = json.readTree(first.body()).get("caseId").asText();
            assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
            assertThat(json.readTree(update.body()).get("caseId").asText()).isEqualTo(caseId);
            assertThat(db.queryForObject(
                            "select count(*) from feedback_response where source = 'delighted' "
                                    + "and source_event_id = ?",
                            Integer.class,
                            responseId))
                    .isOne();
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceBusinessKey(caseId)
                            .count())
                    .isOne();
            assertThat(db.queryForObject("select comment from feedback_response where id = ?", String.class, caseId))
                    .isEqualTo("Nobody called me back about the outage");
            assertThat(db.queryForObject("select comment from follow_up_case where id = ?", String.class, caseId))
                    .isEqualTo("Nobody called me back about the outage");
            List<TimelineEntry> entries =
                    timeline.of(timeline.file(UUID.fromString(caseId), new Actor("ada", java.util.Set.of("admins")))
                            .orElseThrow());
            assertThat(entries).extracting(TimelineEntry::title).contains("The customer changed their comment");
        }

        @Test
        void personPropertiesBecomeTheConfiguredPropertiesTierAndLifetimeValue() throws Exception {
            String responseId = String.valueOf(System.nanoTime());
            long created = Instant.now().getEpochSecond() - 60;

            HttpResponse<String> answer =
                    delighted(payload("survey_response.created", responseId, 9, "Great", created, created));

            String caseId = json.readTree(answer.body()).get("caseId").asText();
            Map<String, Object> caseRow = db.queryForMap(
                    "select region, product, location, customer_tier, "
                            + "customer_email from follow_up_case where id = ?",
                    caseId);
            assertThat(caseRow)
                    .containsEntry("REGION", "EMEA")
                    .containsEntry("PRODUCT", "Broadband")
                    .containsEntry("LOCATION", "Madrid")
                    .containsEntry("CUSTOMER_TIER", "gold")
                    .containsEntry("CUSTOMER_EMAIL", "charlie_gravis@example.com");
            assertThat(db.queryForObject(
                            "select lifetime_value from customer c join feedback_response r "
                                    + "on r.customer_id = c.id where r.id = ?",
                            java.math.BigDecimal.class,
                            caseId))
                    .isEqualByComparingTo("1250.50");
        }

        @Test
        void theSameEventAgainChangesNothing() throws Exception {
            String responseId = String.valueOf(System.nanoTime());
            long created = Instant.now().getEpochSecond() - 60;
            String event = payload("survey_response.updated", responseId, 2, "Too slow", created, created + 30);
            assertThat(delighted(event).statusCode()).isEqualTo(201);
            Map<String, Long> before = stored();

            HttpResponse<String> again = delighted(event);

            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void anOlderUpdateArrivingLateDoesNotUndoANewerOne() throws Exception {
            String responseId = String.valueOf(System.nanoTime());
            long created = Instant.now().getEpochSecond() - 600;
            delighted(payload("survey_response.updated", responseId, 4, "Second thoughts", created, created + 300));

            delighted(payload("survey_response.updated", responseId, 4, "First thoughts", created, created + 100));

            assertThat(db.queryForObject(
                            "select comment from feedback_response where source = 'delighted' "
                                    + "and source_event_id = ?",
                            String.class,
                            responseId))
                    .isEqualTo("Second thoughts");
        }

        @Test
        void aWrongSignatureIs401AndStoresNothing() throws Exception {
            Map<String, Long> before = stored();
            String body = payload(
                    "survey_response.created",
                    "x" + System.nanoTime(),
                    3,
                    null,
                    Instant.now().getEpochSecond(),
                    Instant.now().getEpochSecond());

            assertRefused(send(delightedRequest(body, "sha256=" + "00".repeat(32))), "does not match");
            assertRefused(send(delightedRequest(body, null)), "X-Delighted-Webhook-Signature");
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void unsubscribesAndOtherSurveysAreAcknowledgedAndIgnored() throws Exception {
            Map<String, Long> before = stored();
            String csat = payload(
                            "survey_response.created",
                            "x" + System.nanoTime(),
                            4,
                            null,
                            Instant.now().getEpochSecond(),
                            Instant.now().getEpochSecond())
                    .replace("\"nps\"", "\"csat\"");

            assertThat(delighted("{\"event_type\":\"unsubscribe.created\",\"event_id\":\"u1\",\"event_data\":"
                                    + "{\"person\":{\"id\":\"1\",\"email\":\"a@example.com\"}}}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(delighted(csat).statusCode()).isEqualTo(204);
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void aSignedBodyThatIsNoDelightedEventIs400AndStoresNothing() throws Exception {
            Map<String, Long> before = stored();

            for (String body : List.of(
                    "null",
                    "{}",
                    "{\"event_id\":\"e1\",\"event_data\":{}}",
                    "{\"event_type\":\"survey_response.created\",\"event_id\":\"e2\"}")) {
                HttpResponse<String> refused = delighted(body);

                assertThat(refused.statusCode()).as(body).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(json.readTree(refused.body()).get("errors").findValuesAsText("field"))
                        .as(body)
                        .containsAnyOf("event_type", "event_data");
            }
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void aTimeNoInstantHasOrFarAheadIs400NotAFailure() throws Exception {
            Map<String, Long> before = stored();
            long now = Instant.now().getEpochSecond();

            for (long[] times : new long[][] {
                {Long.MAX_VALUE, Long.MAX_VALUE}, {Long.MIN_VALUE, Long.MIN_VALUE}, {now - 60, now + 100L * 365 * 86400}
            }) {
                String body = payload("survey_response.created", "t" + System.nanoTime(), 3, null, times[0], times[1]);

                HttpResponse<String> refused = delighted(body);

                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                assertThat(json.readTree(refused.body()).get("errors").findValuesAsText("field"))
                        .containsAnyOf("event_data.created_at", "event_data.updated_at");
            }
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void anEventIdLongerThanTheOneWeKeepIs400AndStoresNothing() throws Exception {
            Map<String, Long> before = stored();
            ObjectNode event = (ObjectNode) json.readTree(payload(
                    "survey_response.created",
                    "x" + System.nanoTime(),
                    3,
                    null,
                    Instant.now().getEpochSecond() - 60,
                    Instant.now().getEpochSecond() - 60));
            event.put("event_id", "e".repeat(201));

            HttpResponse<String> refused = delighted(event.toString());

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get("errors").findValuesAsText("field"))
                    .containsExactly("event_id");
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void whatAResponseLacksIsNamedInDelightedsTerms() throws Exception {
            ObjectNode event = (ObjectNode) json.readTree(payload(
                    "survey_response.created",
                    "x" + System.nanoTime(),
                    11,
                    null,
                    Instant.now().getEpochSecond(),
                    Instant.now().getEpochSecond()));
            ((ObjectNode) event.get("event_data").get("person")).put("email", "not-an-email");

            HttpResponse<String> refused = delighted(event.toString());

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get("errors").findValuesAsText("field"))
                    .containsExactly("event_data.person.email", "event_data.score");
        }
    }

    /**
     * A Delighted webhook body shaped as Delighted documents it: {@code person_properties} with what the demo maps
     * (Region, Product, Location, Tier, Lifetime Value), tags, notes and additional answers.
     */
    String payload(String type, String responseId, int score, String comment, long createdAt, long updatedAt) {
        return """
                {
                  "event_type": "%s",
                  "event_id": "%s",
                  "event_data": {
                    "id": "%s",
                    "person": {
                      "id": "%s",
                      "email": "charlie_gravis@example.com",
                      "name": "Charlie Gravis",
                      "phone_number": "+34 600 123 456",
                      "created_at": %d
                    },
                    "survey_type": "nps",
                    "score": %d,
                    "comment": %s,
                    "permalink": "https://app.delighted.com/r/5pFDpmlyC8GUc5oxU6USto5VonSKAqOa",
                    "created_at": %d,
                    "updated_at": %d,
                    "person_properties": {
                      "Region": "EMEA", "Product": "Broadband", "Location": "Madrid", "Tier": "gold",
                      "Lifetime Value": "1250.50", "Delighted Source": "Email"
                    },
                    "notes": [],
                    "tags": ["outage"],
                    "additional_answers": [
                      {
                        "id": "4",
                        "value": { "free_response": null, "scale": null, "select_one": null,
                                   "select_many": [ { "id": "DxmjNj", "text": "Convenience" } ] },
                        "question": { "id": "enum_z9EvYV", "type": "select_many",
                                      "text": "What specifically did you enjoy about your experience with us?" }
                      }
                    ]
                  }
                }
                """.formatted(
                        type,
                        UUID.randomUUID().toString().replace("-", ""),
                        responseId,
                        "P" + responseId,
                        createdAt - 3600,
                        score,
                        comment == null ? "null" : "\"" + comment + "\"",
                        createdAt,
                        updatedAt);
    }

    HttpResponse<String> delighted(String body) throws IOException, InterruptedException {
        String signature = "sha256="
                + HexFormat.of()
                        .formatHex(dev.loopkeeper.sharedkernel.StandardWebhooks.hmac(
                                DemoWebhookSecrets.DELIGHTED.getBytes(StandardCharsets.UTF_8),
                                body.getBytes(StandardCharsets.UTF_8)));
        return send(delightedRequest(body, signature));
    }

    HttpRequest delightedRequest(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/webhooks/delighted"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Delighted-Webhook-Signature", signature);
        }
        return request.build();
    }

    /** A Standard Webhooks delivery, signed with each of the secrets. */
    HttpResponse<String> deliver(String source, String id, long timestamp, String body, String... signingSecrets)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = String.join(
                " ",
                java.util.Arrays.stream(signingSecrets)
                        .map(secret -> Signatures.standard(secret, id, timestamp, bytes))
                        .toList());
        return send(HttpRequest.newBuilder(uri("/api/webhooks/" + source))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    }

    static final class SecretsOf {
        static final String WRONG = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    }

    String body(String eventId) {
        return body(eventId, SignedDeliveries.SOURCE);
    }

    String body(String eventId, String source) {
        return TestResponses.json(eventId, 4)
                .replace("\"test-survey\"", "\"" + source + "\"")
                .replace(
                        "2026-11-23T09:00:00Z",
                        Instant.now()
                                .minusSeconds(60)
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .toString());
    }

    void assertRefused(HttpResponse<String> answer, String detail) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("title").asText()).isEqualTo("Webhook refused");
        assertThat(problem.get("detail").asText()).contains(detail);
    }

    Map<String, Long> stored() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of(
                "customer",
                "feedback_response",
                "response_property",
                "response_revision",
                "follow_up_case",
                "webhook_delivery")) {
            counts.put(table, db.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put("process instances", runtime.createProcessInstanceQuery().count());
        return counts;
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
