package dev.loopkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopkeeper.TestResponses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
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
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isOne();
    }

    @Test
    void theSameEventTwiceReturnsTheExistingCase() throws Exception {
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> first = post(TestResponses.json(eventId, 8));
        HttpResponse<String> again = post(TestResponses.json(eventId, 8));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("caseId")).isEqualTo(json.readTree(first.body()).get("caseId"));
        assertThat(json.readTree(again.body()).get("created").asBoolean()).isFalse();
        assertThat(responsesOf(eventId)).isOne();
    }

    @Test
    void concurrentPostsOfTheSameEventCreateOneCase() throws Exception {
        String eventId = UUID.randomUUID().toString();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            posts.add(pool.submit(() -> {
                start.await();
                return post(TestResponses.json(eventId, 1));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> caseIds = new ArrayList<>();
        for (Future<HttpResponse<String>> post : posts) {
            HttpResponse<String> response = post.get();
            statuses.add(response.statusCode());
            caseIds.add(json.readTree(response.body()).get("caseId").asText());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(caseIds).containsOnly(caseIds.get(0));
        assertThat(responsesOf(eventId)).isOne();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseIds.get(0)).count()).isOne();
    }

    @Test
    void badInputIsRefusedNamingEveryBadField() throws Exception {
        ObjectNode body = (ObjectNode) json.readTree(TestResponses.json(UUID.randomUUID().toString(), 11));
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
        ObjectNode body = (ObjectNode) json.readTree(TestResponses.json(UUID.randomUUID().toString(), 5));
        ((ObjectNode) body.get("customer")).put("preferredChannel", "pigeon");

        JsonNode problem = json.readTree(post(body.toString()).body());

        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("customer.preferredChannel");
        assertThat(problem.get("errors").get(0).get("message").asText())
                .isEqualTo("must be one of phone, email, sms (was pigeon)");
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
        ObjectNode body = (ObjectNode) json.readTree(TestResponses.json(UUID.randomUUID().toString(), 5));
        body.put("score", "ten");

        JsonNode problem = json.readTree(post(body.toString()).body());

        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("score");
    }

    @Test
    void oversizedBodiesAreRefusedDeclaredOrChunked() throws Exception {
        ObjectNode body = (ObjectNode) json.readTree(TestResponses.json(UUID.randomUUID().toString(), 5));
        body.put("comment", "x".repeat(70_000));
        byte[] bytes = body.toString().getBytes();

        HttpResponse<String> declared = http.send(request("/api/responses")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        // An InputStream publisher has no known length, so the client sends it chunked
        HttpResponse<String> chunked = http.send(request("/api/responses")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(json.readTree(chunked.body()).get("title").asText()).isEqualTo("Request body too large");
        assertThat(responsesOf(body.get("sourceEventId").asText())).isZero();
    }

    @Test
    void withoutTheApiKeyNothingGetsIn() throws Exception {
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(uri("/api/responses"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestResponses.json(eventId, 5))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(uri("/api/responses"))
                .header("Content-Type", "application/json").header("X-Api-Key", "guess")
                .POST(HttpRequest.BodyPublishers.ofString(TestResponses.json(eventId, 5))).build(),
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

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(request("/api/responses").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", API_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").header("X-Api-Key", API_KEY);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private int responsesOf(String eventId) {
        return db.queryForObject("select count(*) from feedback_response where source_event_id = ?", Integer.class,
                eventId);
    }

    private int countRows(String table) {
        return db.queryForObject("select count(*) from " + table, Integer.class);
    }
}
