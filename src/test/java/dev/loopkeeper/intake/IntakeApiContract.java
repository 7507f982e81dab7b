package dev.loopkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopkeeper.TestResponses;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The intake API over real HTTP: what a survey tool sees, on whatever database the subclass gives it. */
abstract class IntakeApiContract {

    static final String API_KEY = "demo-intake-key";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate db;

    @Autowired
    RuntimeService runtime;

    @Autowired
    CustomerHistory history;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aNewResponseOpensACaseWithAClaimableContactTask() throws Exception {
        String eventId = UUID.randomUUID().toString();

        HttpResponse<String> created = post(TestResponses.json(eventId, 3));

        assertThat(created.statusCode()).isEqualTo(201);
        String caseId = json.readTree(created.body()).get("caseId").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/cases/" + caseId);
        JsonNode state = json.readTree(get("/api/cases/" + caseId).body());
        assertThat(state.get("status").asText()).isEqualTo("open");
        assertThat(state.get("segment").asText()).isEqualTo("detractor");
        assertThat(state.get("customerName").asText()).isEqualTo("Maria Lopez");
        JsonNode task = state.get("openTasks").get(0);
        assertThat(task.get("taskKey").asText()).isEqualTo("Task_ContactCustomer");
        assertThat(task.get("candidateGroup").asText()).isEqualTo("frontline");
        assertThat(task.get("assignee").isNull()).isTrue();
        assertThat(state.get("dueAt").asText()).isEqualTo(task.get("dueAt").asText());
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .count())
                .isOne();
    }

    @Test
    void theSameEventTwiceReturnsTheExistingCase() throws Exception {
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> first = post(TestResponses.json(eventId, 8));
        HttpResponse<String> again = post(TestResponses.json(eventId, 8));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("caseId"))
                .isEqualTo(json.readTree(first.body()).get("caseId"));
        assertThat(json.readTree(again.body()).get("created").asBoolean()).isFalse();
        assertThat(responsesOf(eventId)).isOne();
    }

    @Test
    void badInputIsRefusedNamingEveryBadField() throws Exception {
        ObjectNode body =
                (ObjectNode) json.readTree(TestResponses.json(UUID.randomUUID().toString(), 11));
        ((ObjectNode) body.get("customer")).remove("externalId");
        ((ObjectNode) body.get("customer")).put("email", "not-an-email");
        body.put("comment", "x".repeat(4001));

        HttpResponse<String> refused = post(body.toString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactly("comment", "customer.email", "customer.externalId", "score");
        assertThat(refused.body()).contains("must be less than or equal to 10");
        assertThat(countRows("feedback_response")).isEqualTo(countRows("follow_up_case"));
    }

    @Test
    void anUnknownChannelIsNamedWithTheChannelsThatExist() throws Exception {
        ObjectNode body =
                (ObjectNode) json.readTree(TestResponses.json(UUID.randomUUID().toString(), 5));
        ((ObjectNode) body.get("customer")).put("preferredChannel", "pigeon");

        JsonNode problem = json.readTree(post(body.toString()).body());

        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("customer.preferredChannel");
        assertThat(problem.get("errors").get(0).get("message").asText())
                .isEqualTo("must be one of phone, email, sms (was \"pigeon\")");
    }

    @Test
    void malformedJsonIsRefusedWithWhereItBroke() throws Exception {
        HttpResponse<String> refused = post("{\"source\": \"x\", \"score\": ");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("title").asText()).isEqualTo("Malformed JSON");
        assertThat(problem.get("detail").asText()).contains("line 1");
    }

    @Test
    void aTextScoreIsNamedAsTheBadField() throws Exception {
        ObjectNode body =
                (ObjectNode) json.readTree(TestResponses.json(UUID.randomUUID().toString(), 5));
        body.put("score", "ten");

        JsonNode problem = json.readTree(post(body.toString()).body());

        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("score");
    }

    @Test
    void oversizedBodiesAreRefusedDeclaredOrChunked() throws Exception {
        ObjectNode body =
                (ObjectNode) json.readTree(TestResponses.json(UUID.randomUUID().toString(), 5));
        body.put("comment", "x".repeat(70_000));
        byte[] bytes = body.toString().getBytes();

        HttpResponse<String> declared = http.send(
                request("/api/responses")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // An InputStream publisher has no known length, so the client sends it chunked
        HttpResponse<String> chunked = http.send(
                request("/api/responses")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(json.readTree(chunked.body()).get("title").asText()).isEqualTo("Request body too large");
        assertThat(responsesOf(body.get("sourceEventId").asText())).isZero();
    }

    @Test
    void withoutTheApiKeyNothingGetsIn() throws Exception {
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(uri("/api/responses"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(TestResponses.json(eventId, 5)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(
                HttpRequest.newBuilder(uri("/api/responses"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", "guess")
                        .POST(HttpRequest.BodyPublishers.ofString(TestResponses.json(eventId, 5)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrong.body()).get("detail").asText()).contains("not valid");
        assertThat(responsesOf(eventId)).isZero();
    }

    @Test
    void anUnknownCaseIs404() throws Exception {
        assertThat(get("/api/cases/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    /** Every field read literally: what the API does not say it takes is a 400 naming the field; nothing is stored. */
    @Nested
    class TakesOnlyWhatItSaysItTakes {

        @ParameterizedTest
        @ValueSource(strings = {"3.5", "3.0", "\"7\"", "true", "1e400", "99999999999999999999", "[5]", "{}", "\"\""})
        void aScoreThatIsNotAJsonIntegerIsRefused(String score) throws Exception {
            JsonNode error = refused(with("score", score));

            assertThat(error.get("field").asText()).isEqualTo("score");
            assertThat(error.get("message").asText()).startsWith("must be a whole number");
        }

        @Test
        void aScoreOfMinusZeroIsZero() throws Exception {
            HttpResponse<String> created = post(with("score", "-0"));

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(json.readTree(
                                    get(created.headers().firstValue("Location").orElseThrow())
                                            .body())
                            .get("score")
                            .asInt())
                    .isZero();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1700000000",
                    "1700000000000",
                    "1.7e9",
                    "\"2026-11-23\"",
                    "\"2026-11-23T09:00:00\"",
                    "\"2026-11-23 09:00:00Z\"",
                    "\"2026-11-23T09:00Z\"",
                    "\"yesterday\"",
                    "\"\"",
                    "{}",
                    "true"
                })
        void aTimeThatIsNotAnIsoInstantIsRefused(String respondedAt) throws Exception {
            JsonNode error = refused(with("respondedAt", respondedAt));

            assertThat(error.get("field").asText()).isEqualTo("respondedAt");
            assertThat(error.get("message").asText()).startsWith("must be an ISO-8601 instant such as");
        }

        @Test
        void aTimeWithAnOffsetIsTheSameInstant() throws Exception {
            HttpResponse<String> created = post(with("respondedAt", "\"2026-11-23T10:00:00+01:00\""));

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(history.response(UUID.fromString(caseIdOf(created)))
                            .orElseThrow()
                            .respondedAt())
                    .isEqualTo("2026-11-23T09:00:00Z");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1999-12-31T23:59:59Z",
                    "1970-01-01T00:00:00Z",
                    "+10000-01-01T00:00:00Z",
                    "-0001-01-01T00:00:00Z"
                })
        void aTimeBefore2000IsRefusedSayingTheRange(String respondedAt) throws Exception {
            JsonNode error = refused(with("respondedAt", "\"" + respondedAt + "\""));

            assertThat(error.get("field").asText()).isEqualTo("respondedAt");
            assertThat(error.get("message").asText())
                    .isEqualTo(
                            "must be between 2000-01-01T00:00:00Z and 5 minutes from now (was \"%s\")",
                            Instant.parse(respondedAt));
        }

        @Test
        void aTimeTenMinutesAheadOfOurClockIsRefused() throws Exception {
            JsonNode error = refused(with("respondedAt", "\"" + Instant.now().plusSeconds(600) + "\""));

            assertThat(error.get("message").asText()).startsWith("must be between 2000-01-01T00:00:00Z and 5 minutes");
        }

        @Test
        void aTimeAMinuteAheadOfOurClockIsTaken() throws Exception {
            assertThat(post(with("respondedAt", "\"" + Instant.now().plusSeconds(60) + "\""))
                            .statusCode())
                    .isEqualTo(201);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1e400",
                    "100000000000000000000",
                    "1000000000000",
                    "12.345",
                    "0.001",
                    "-1",
                    "-0.01",
                    "\"1200\"",
                    "true",
                    "1e2147483648"
                })
        void aLifetimeValueOutsideItsColumnIsRefusedNeverRounded(String lifetimeValue) throws Exception {
            JsonNode error = refused(with("customer.lifetimeValue", lifetimeValue));

            assertThat(error.get("field").asText()).isEqualTo("customer.lifetimeValue");
        }

        @Test
        void theLargestLifetimeValueTheColumnHoldsIsStoredExactly() throws Exception {
            String body = with("customer.lifetimeValue", "999999999999.99");

            assertThat(post(body).statusCode()).isEqualTo(201);
            assertThat(db.queryForObject(
                            "select lifetime_value from customer where external_id = ?",
                            BigDecimal.class,
                            json.readTree(body)
                                    .get("customer")
                                    .get("externalId")
                                    .asText()))
                    .isEqualByComparingTo("999999999999.99");
        }

        @ParameterizedTest
        @ValueSource(strings = {"score", "customer.name", "properties.region"})
        void aKeyGivenTwiceIsRefusedNamingIt(String path) throws Exception {
            JsonNode error = refused(withTwice(path));

            assertThat(error.get("field").asText()).isEqualTo(path);
            assertThat(error.get("message").asText()).isEqualTo("appears more than once");
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "coment               | coment              | is not a known field; did you mean comment?",
                    "responded_at         | responded_at        | is not a known field; did you mean respondedAt?",
                    "customer.emial       | customer.emial      | is not a known field; did you mean email?",
                    "customer.loyalty     | customer.loyalty    | is not a known field; the fields here are email, externalId, lifetimeValue, name, phone, preferredChannel, tier"
                })
        void anUnknownFieldIsRefusedWithTheFieldItProbablyMeant(String path, String field, String message)
                throws Exception {
            JsonNode error = refused(with(path, "\"x\""));

            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).isEqualTo(message);
        }

        @Test
        void propertiesStayAnOpenMap() throws Exception {
            assertThat(post(with("properties.anyNameAtAll", "\"any value\"")).statusCode())
                    .isEqualTo(201);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "\\u0000",
                    "\\u0007",
                    "\\t",
                    "\\n",
                    "\\u007f",
                    "\\u0085",
                    "\\u009f",
                    "\\u2028",
                    "\\u2029",
                    "\\u202e",
                    "\\u2066",
                    "\\u200b",
                    "\\ufeff",
                    "\\u00a0",
                    "\\ud800",
                    "\\udc00",
                    "\\ufffe",
                    "\\uffff",
                    "\\ufdd0",
                    "\\ud83f\\udffe"
                })
        void anIdentifierWithAnInvisibleOrBrokenCharacterIsRefused(String escape) throws Exception {
            for (String path : List.of("source", "sourceEventId", "customer.externalId", "customer.tier")) {
                JsonNode error = refused(with(path, "\"C-1" + escape + "x\""));

                assertThat(error.get("field").asText()).as(path + " " + escape).isEqualTo(path);
                assertThat(error.get("message").asText()).as(escape).startsWith("must not contain ");
            }
            JsonNode key = refused(with("properties", "{\"reg" + escape + "ion\": \"EMEA\"}"));
            // Jackson itself refuses a broken surrogate in a key, naming the object it was in
            assertThat(key.get("field").asText()).as(key.toString()).startsWith("properties");
        }

        @ParameterizedTest
        @ValueSource(strings = {" C-1", "C-1 ", "\\tC-1"})
        void anIdentifierWithSpaceAtAnEndIsRefused(String id) throws Exception {
            JsonNode error = refused(with("customer.externalId", "\"" + id + "\""));

            assertThat(error.get("field").asText()).isEqualTo("customer.externalId");
        }

        @Test
        void aCommentKeepsLineBreaksTabsAndRightToLeftText() throws Exception {
            String comment = "Line one\\nline two\\r\\n\\tindented \\u202eبطيء\\u202c and \\ud83d\\ude20";

            HttpResponse<String> created = post(with("comment", "\"" + comment + "\""));

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(db.queryForObject(
                            "select comment from feedback_response where id = ?", String.class, caseIdOf(created)))
                    .isEqualTo("Line one\nline two\r\n\tindented \u202eبطيء\u202c and \ud83d\ude20");
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "comment                | \\u0000",
                    "comment                | \\u001b[31m",
                    "comment                | \\u0085",
                    "comment                | \\ud800",
                    "comment                | \\udfff",
                    "comment                | \\uffff",
                    "customer.name          | \\n",
                    "customer.name          | \\u2028",
                    "customer.name          | \\u0000",
                    "properties.product     | \\r"
                })
        void freeTextWithAControlCharacterThatCannotBeShownIsRefused(String path, String escape) throws Exception {
            JsonNode error = refused(with(path, "\"Waited " + escape + " forever\""));

            assertThat(error.get("field").asText())
                    .isEqualTo(path.replace("properties.product", "properties[product]"));
            assertThat(error.get("message").asText()).startsWith("must not contain");
        }

        @Test
        void aRefusedValueIsEchoedWithItsInvisibleCharactersSpelledOut() throws Exception {
            JsonNode error = refused(with("comment", "\"a\\u202e\\ud800x\""));

            assertThat(error.get("message").asText())
                    .contains("\\u202E")
                    .contains("\\uD800")
                    .doesNotContain("\u202e");
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "source                 | 123               | source                 | must be text (was 123)",
                    "customer.name          | {\"first\": \"M\"}| customer.name          | must be text (was an object)",
                    "comment                | [\"a\"]           | comment                | must be text (was an array)",
                    "customer.externalId    | true              | customer.externalId    | must be text (was true)",
                    "customer               | \"C-1\"           | customer               | must be an object (was text)",
                    "customer               | []                | customer               | must be an object (was an array)",
                    "properties             | [\"EMEA\"]        | properties             | must be an object (was an array)",
                    "properties             | \"region=EMEA\"   | properties             | must be an object (was text)",
                    "properties.product     | 5                 | properties[product]    | must be text (was 5)",
                    "properties.product     | {}                | properties[product]    | must be text (was an object)",
                    "customer.preferredChannel | 0              | customer.preferredChannel | must be one of phone, email, sms (was 0)",
                    "customer.preferredChannel | \"\"           | customer.preferredChannel | must be one of phone, email, sms (was \"\")"
                })
        void aValueOfTheWrongJsonTypeIsNamedWithWhatWasExpected(String path, String value, String field, String message)
                throws Exception {
            JsonNode error = refused(with(path, value));

            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).isEqualTo(message);
        }

        @ParameterizedTest
        @ValueSource(strings = {"source", "sourceEventId", "respondedAt", "score", "customer", "customer.externalId"})
        void aRequiredFieldThatIsNullOrMissingIsNamed(String path) throws Exception {
            assertThat(refused(with(path, "null")).get("field").asText()).isEqualTo(path);
            ObjectNode missing = valid();
            String[] parts = path.split("\\.");
            (parts.length == 1 ? missing : (ObjectNode) missing.get(parts[0])).remove(parts[parts.length - 1]);
            assertThat(refused(missing.toString()).get("field").asText()).isEqualTo(path);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "[]              | The request body must be a JSON object (was an array)",
                    "\"x\"           | The request body must be a JSON object (was text)",
                    "5               | The request body must be a JSON object (was a whole number)",
                    "null            | The request body is empty: send a JSON object",
                    "''              | The request body is empty: send a JSON object",
                    "{} {}           | The request body must be one JSON object, with nothing after it"
                })
        void aBodyThatIsNotAnObjectIsRefused(String body, String detail) throws Exception {
            Map<String, Long> before = stored();

            HttpResponse<String> refused = post(body);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(refused.body()).get("detail").asText()).startsWith(detail);
            assertThat(stored()).isEqualTo(before);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{\"score\": NaN}",
                    "{\"score\": Infinity}",
                    "{\"score\": -Infinity}",
                    "{\"score\": 07}",
                    "{\"score\": 5,}",
                    "{'score': 5}",
                    "{\"score\": 5",
                    "{\"score\" 5}"
                })
        void jsonThatIsNotWellFormedIsMalformed(String body) throws Exception {
            Map<String, Long> before = stored();

            HttpResponse<String> refused = post(body);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get("title").asText()).isEqualTo("Malformed JSON");
            assertThat(stored()).isEqualTo(before);
        }

        @Test
        void bytesThatAreNotUtf8AreMalformedNotA500() throws Exception {
            byte[] latin1 = with("customer.name", "\"José\"").getBytes(StandardCharsets.ISO_8859_1);

            HttpResponse<String> refused = send(request("/api/responses")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(latin1))
                    .build());

            JsonNode error = json.readTree(refused.body()).get("errors").get(0);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(error.get("field").asText()).isEqualTo("customer.name");
            assertThat(error.get("message").asText()).contains("UTF-8");
        }

        @Test
        void aBodyInTheCharsetItDeclaresIsReadInThatCharset() throws Exception {
            String body = with("customer.name", "\"José Müller\"");

            HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/responses"))
                    .header("Content-Type", "application/json; charset=ISO-8859-1")
                    .header("X-Api-Key", API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)))
                    .build());

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(db.queryForObject(
                            "select name from customer where external_id = ?",
                            String.class,
                            json.readTree(body)
                                    .get("customer")
                                    .get("externalId")
                                    .asText()))
                    .isEqualTo("José Müller");
        }

        @Test
        void everyFieldAtTheLengthOfItsColumnIsStoredWhole() throws Exception {
            String unique = UUID.randomUUID().toString();
            ObjectNode body = valid();
            body.put("source", "s".repeat(80));
            body.put("sourceEventId", (unique + "e".repeat(200)).substring(0, 200));
            body.put("comment", "c".repeat(4000));
            ObjectNode customer = (ObjectNode) body.get("customer");
            customer.put("externalId", (unique + "x".repeat(120)).substring(0, 120));
            customer.put("name", "n".repeat(200));
            customer.put(
                    "email",
                    "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "."
                            + "e".repeat(63));
            customer.put("phone", "+" + "1".repeat(39));
            customer.put("tier", "t".repeat(40));
            ObjectNode properties = body.putObject("properties");
            properties.put("region", "r".repeat(80));
            properties.put("location", "l".repeat(200));
            properties.put("product", "p".repeat(200));
            properties.put("k".repeat(80), "v".repeat(500));
            for (int i = properties.size(); i < 50; i++) {
                properties.put("extra" + i, "x");
            }

            HttpResponse<String> created = post(body.toString());

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(customer.get("email").asText()).hasSize(320);
            assertThat(db.queryForObject(
                            "select count(*) from response_property where response_id = ?",
                            Integer.class,
                            caseIdOf(created)))
                    .isEqualTo(50);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "source              | 81   | source",
                    "sourceEventId       | 201  | sourceEventId",
                    "comment             | 4001 | comment",
                    "customer.externalId | 121  | customer.externalId",
                    "customer.name       | 201  | customer.name",
                    "customer.tier       | 41   | customer.tier",
                    "properties.region   | 81   | properties[region]",
                    "properties.location | 201  | properties[location]",
                    "properties.product  | 201  | properties[product]",
                    "properties.other    | 501  | properties[other]"
                })
        void aTextLongerThanItsColumnIsRefused(String path, int length, String field) throws Exception {
            JsonNode error = refused(with(path, "\"" + "x".repeat(length) + "\""));

            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).startsWith("size must be between");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "+1234567890123456789012345678901234567890",
                    "--",
                    "12",
                    "( )",
                    " 600 123 456",
                    "600 123 456 "
                })
        void aPhoneNumberThatDoesNotFitIsRefused(String phone) throws Exception {
            assertThat(refused(with("customer.phone", "\"" + phone + "\""))
                            .get("field")
                            .asText())
                    .isEqualTo("customer.phone");
        }

        @Test
        void moreThanFiftyPropertiesAreRefused() throws Exception {
            ObjectNode body = valid();
            ObjectNode properties = body.putObject("properties");
            for (int i = 0; i < 51; i++) {
                properties.put("p" + i, "x");
            }

            assertThat(refused(body.toString()).get("field").asText()).isEqualTo("properties");
        }
    }

    /** Whatever goes wrong at the HTTP level under /api, the answer is a problem document that says what is allowed. */
    @Nested
    class AnswersProblemsEvenAtTheHttpLevel {

        @Test
        void aWrongMethodIs405SayingWhichAreAllowed() throws Exception {
            HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/api/responses"))
                    .header("X-Api-Key", API_KEY)
                    .GET()
                    .build());
            HttpResponse<String> delete = send(HttpRequest.newBuilder(uri("/api/cases/" + UUID.randomUUID()))
                    .header("X-Api-Key", API_KEY)
                    .DELETE()
                    .build());

            assertProblem(get, 405, "GET is not allowed here; allowed: POST");
            assertThat(get.headers().firstValue("Allow"))
                    .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
            assertProblem(delete, 405, "DELETE is not allowed here; allowed: GET");
        }

        @ParameterizedTest
        @ValueSource(strings = {"text/plain", "application/xml", "text/html"})
        void anAcceptHeaderThatExcludesJsonIs406AsProblemJsonAnyway(String accept) throws Exception {
            HttpResponse<String> post = send(request("/api/responses")
                    .header("Accept", accept)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            TestResponses.json(UUID.randomUUID().toString(), 5)))
                    .build());
            HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/api/cases/" + UUID.randomUUID()))
                    .header("X-Api-Key", API_KEY)
                    .header("Accept", accept)
                    .GET()
                    .build());

            assertProblem(post, 406, "This endpoint answers application/json");
            assertThat(json.readTree(post.body()).get("detail").asText()).contains(accept);
            assertProblem(get, 406, "This endpoint answers application/json");
        }

        @Test
        void aBodyThatIsNotJsonIs415SayingWhatToSend() throws Exception {
            String body = TestResponses.json(UUID.randomUUID().toString(), 5);
            HttpResponse<String> text = send(HttpRequest.newBuilder(uri("/api/responses"))
                    .header("X-Api-Key", API_KEY)
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            HttpResponse<String> untyped = send(HttpRequest.newBuilder(uri("/api/responses"))
                    .header("X-Api-Key", API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());

            assertProblem(text, 415, "Send the body as application/json (the Content-Type was text/plain)");
            assertProblem(
                    untyped, 415, "Send the body as application/json with a Content-Type header (there was none)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/nothing-here", "/api/responses/extra", "/api", "/api/cases/x/y/z"})
        void anUnknownApiPathIs404ProblemJsonNotTheUiPage(String path) throws Exception {
            HttpResponse<String> get = send(HttpRequest.newBuilder(uri(path))
                    .header("X-Api-Key", API_KEY)
                    .GET()
                    .build());

            assertProblem(get, 404, "There is no GET " + path + " in this API");
        }

        @Test
        @SuppressWarnings("unchecked")
        void theApiDescriptionIsOpenAndListsThePathsIntakeTakes() throws Exception {
            HttpResponse<String> served =
                    send(HttpRequest.newBuilder(uri("/api/openapi.yaml")).GET().build());

            assertThat(served.statusCode()).isEqualTo(200);
            Map<String, Object> openApi = new org.yaml.snakeyaml.Yaml().load(served.body());
            assertThat(openApi.get("openapi")).isEqualTo("3.1.0");
            assertThat(((Map<String, ?>) openApi.get("paths")).keySet())
                    .contains("/api/responses", "/api/cases/{caseId}", "/api/cases/{caseId}/replies");
        }
    }

    /** Many clients posting for one customer or one event at the same moment all get their 201 or 200. */
    @Nested
    class UnderConcurrency {

        static final int CLIENTS = 20;

        @Test
        void manyEventsOfOneNewCustomerAtOnceAllOpenTheirCase() throws Exception {
            String customer = "C-" + UUID.randomUUID();

            List<HttpResponse<String>> answers =
                    atOnce(i -> forCustomer(UUID.randomUUID().toString(), customer, 1200));

            assertAllCreatedOneCaseEach(answers);
            assertThat(customerRows(customer)).isOne();
        }

        @Test
        void manyEventsOfOneKnownCustomerAtOnceAllOpenTheirCase() throws Exception {
            String customer = "C-" + UUID.randomUUID();
            assertThat(post(forCustomer(UUID.randomUUID().toString(), customer, 1200))
                            .statusCode())
                    .isEqualTo(201);

            List<HttpResponse<String>> answers =
                    atOnce(i -> forCustomer(UUID.randomUUID().toString(), customer, 1200));

            assertAllCreatedOneCaseEach(answers);
            assertThat(customerRows(customer)).isOne();
        }

        @Test
        void manyLowScoresOfOneCustomerAtOnceAllLandInOneCase() throws Exception {
            String customer = "C-" + UUID.randomUUID();

            List<HttpResponse<String>> answers =
                    atOnce(i -> forCustomer(UUID.randomUUID().toString(), customer, 1200, 2));

            assertThat(answers)
                    .allSatisfy(answer ->
                            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
            List<String> caseIds = answers.stream()
                    .map(IntakeApiContract.this::caseIdOf)
                    .distinct()
                    .toList();
            assertThat(caseIds)
                    .as("the first opens the case, the others join it")
                    .hasSize(1);
            assertThat(db.queryForObject(
                            "select count(*) from case_repeat where case_id = ?", Integer.class, caseIds.get(0)))
                    .isEqualTo(CLIENTS - 1);
            assertThat(db.queryForObject(
                            "select count(*) from feedback_response r join customer c on c.id = r.customer_id "
                                    + "where c.external_id = ? and r.case_id = ?",
                            Integer.class,
                            customer,
                            caseIds.get(0)))
                    .isEqualTo(CLIENTS);
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceBusinessKey(caseIds.get(0))
                            .count())
                    .isOne();
        }

        @Test
        void manyEventsChangingOneCustomerAtOnceAllOpenTheirCaseAndOneChangeWins() throws Exception {
            String customer = "C-" + UUID.randomUUID();
            assertThat(post(forCustomer(UUID.randomUUID().toString(), customer, 1))
                            .statusCode())
                    .isEqualTo(201);

            List<HttpResponse<String>> answers =
                    atOnce(i -> forCustomer(UUID.randomUUID().toString(), customer, 100 + i));

            assertAllCreatedOneCaseEach(answers);
            assertThat(customerRows(customer)).isOne();
            assertThat(db.queryForObject(
                                    "select lifetime_value from customer where external_id = ?",
                                    BigDecimal.class,
                                    customer)
                            .intValue())
                    .isBetween(100, 100 + CLIENTS - 1);
        }

        @Test
        void theSameEventManyTimesAtOnceOpensOneCase() throws Exception {
            String eventId = UUID.randomUUID().toString();

            List<HttpResponse<String>> answers = atOnce(i -> TestResponses.json(eventId, 1));

            assertThat(answers)
                    .extracting(HttpResponse::statusCode)
                    .containsOnly(200, 201)
                    .filteredOn(status -> status == 201)
                    .hasSize(1);
            assertThat(answers).extracting(answer -> caseIdOf(answer)).containsOnly(caseIdOf(answers.get(0)));
            assertThat(responsesOf(eventId)).isOne();
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceBusinessKey(caseIdOf(answers.get(0)))
                            .count())
                    .isOne();
        }

        private List<HttpResponse<String>> atOnce(java.util.function.IntFunction<String> bodies) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> posts = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    String body = bodies.apply(i);
                    posts.add(pool.submit(() -> {
                        start.await();
                        return post(body);
                    }));
                }
                start.countDown();
                List<HttpResponse<String>> answers = new ArrayList<>();
                for (Future<HttpResponse<String>> post : posts) {
                    answers.add(post.get(2, TimeUnit.MINUTES));
                }
                return answers;
            } finally {
                pool.shutdownNow();
            }
        }

        private void assertAllCreatedOneCaseEach(List<HttpResponse<String>> answers) {
            assertThat(answers)
                    .allSatisfy(answer ->
                            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
            List<String> caseIds = answers.stream()
                    .map(IntakeApiContract.this::caseIdOf)
                    .distinct()
                    .toList();
            assertThat(caseIds).hasSize(CLIENTS);
            for (String caseId : caseIds) {
                assertThat(db.queryForObject("select count(*) from follow_up_case where id = ?", Integer.class, caseId))
                        .isOne();
                assertThat(runtime.createProcessInstanceQuery()
                                .processInstanceBusinessKey(caseId)
                                .count())
                        .isOne();
            }
        }

        /** A passive's response: a customer's low scores join their open case, passives open their own. */
        private String forCustomer(String eventId, String customer, int lifetimeValue) {
            return forCustomer(eventId, customer, lifetimeValue, 8);
        }

        private String forCustomer(String eventId, String customer, int lifetimeValue, int score) {
            ObjectNode body = valid(eventId);
            body.put("score", score);
            ((ObjectNode) body.get("customer")).put("externalId", customer).put("lifetimeValue", lifetimeValue);
            return body.toString();
        }

        private int customerRows(String externalId) {
            return db.queryForObject("select count(*) from customer where external_id = ?", Integer.class, externalId);
        }
    }

    /** A valid response with a fresh event id and customer. */
    ObjectNode valid() {
        return valid(UUID.randomUUID().toString());
    }

    ObjectNode valid(String eventId) {
        try {
            return (ObjectNode) json.readTree(TestResponses.json(eventId, 5));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid body with the value at a dotted path replaced by raw JSON text (which may be anything at all). */
    String with(String path, String rawJson) {
        ObjectNode body = valid();
        ObjectNode parent = parentOf(body, path);
        String marker = "RAW-" + UUID.randomUUID();
        parent.put(leafOf(path), marker);
        return body.toString().replace("\"" + marker + "\"", rawJson);
    }

    /** A valid body in which the field at the dotted path appears twice, as raw text: a JSON tree cannot say that. */
    String withTwice(String path) {
        ObjectNode body = valid();
        ObjectNode parent = parentOf(body, path);
        String marker = "TWICE-" + UUID.randomUUID();
        parent.put(marker, "x");
        return body.toString()
                .replace("\"" + marker + "\":\"x\"", "\"" + leafOf(path) + "\":" + parent.get(leafOf(path)));
    }

    private static ObjectNode parentOf(ObjectNode body, String path) {
        ObjectNode parent = body;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        return parent;
    }

    private static String leafOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * Posts a body that must be refused: a 400 problem naming one field, with nothing stored. Returns that
     * field's entry of {@code errors}.
     */
    JsonNode refused(String body) throws Exception {
        Map<String, Long> before = stored();

        HttpResponse<String> refused = post(body);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.get("errors")).as(refused.body()).hasSize(1);
        assertThat(stored()).isEqualTo(before);
        return problem.get("errors").get(0);
    }

    void assertProblem(HttpResponse<String> answer, int status, String detail) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).startsWith(detail);
    }

    /** Rows of everything an intake writes, and the engine's running instances. */
    Map<String, Long> stored() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table :
                List.of("customer", "feedback_response", "response_property", "follow_up_case", "open_task")) {
            counts.put(table, db.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put("process instances", runtime.createProcessInstanceQuery().count());
        return counts;
    }

    String caseIdOf(HttpResponse<String> answer) {
        try {
            return json.readTree(answer.body()).get("caseId").asText();
        } catch (IOException e) {
            throw new IllegalStateException(answer.body(), e);
        }
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(
                request("/api/responses")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("X-Api-Key", API_KEY)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", API_KEY);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private int responsesOf(String eventId) {
        return db.queryForObject(
                "select count(*) from feedback_response where source_event_id = ?", Integer.class, eventId);
    }

    private int countRows(String table) {
        return db.queryForObject("select count(*) from " + table, Integer.class);
    }
}
