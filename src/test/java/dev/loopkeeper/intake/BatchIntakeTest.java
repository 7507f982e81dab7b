package dev.loopkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.TestResponses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/responses/batch}: each response read, checked and answered as {@code POST /api/responses} would. */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BatchIntakeTest {

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
    void everyResponseOfABatchIsAnsweredOnItsOwn() throws Exception {
        String first = UUID.randomUUID().toString();
        ArrayNode responses = json.createArrayNode();
        responses.add(json.readTree(TestResponses.json(first, 2)));
        ObjectNode bad =
                (ObjectNode) json.readTree(TestResponses.json(UUID.randomUUID().toString(), 11));
        bad.put("coment", "typo");
        responses.add(bad);
        responses.add(json.readTree(TestResponses.json(first, 2)));
        responses.add(json.readTree(TestResponses.json(UUID.randomUUID().toString(), 9)));
        responses.add("not an object");

        HttpResponse<String> answer =
                post(json.createObjectNode().set("responses", responses).toString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(207);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("created").asInt()).isEqualTo(2);
        assertThat(body.get("existing").asInt()).isEqualTo(1);
        assertThat(body.get("refused").asInt()).isEqualTo(2);
        JsonNode results = body.get("results");
        assertThat(results.findValuesAsText("status")).containsExactly("201", "400", "200", "201", "400");
        assertThat(results.get(1).get("errors").get(0).get("field").asText()).isEqualTo("coment");
        assertThat(results.get(2).get("caseId")).isEqualTo(results.get(0).get("caseId"));
        assertThat(results.get(4).get("errors").get(0).get("message").asText()).contains("must be a JSON object");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(results.get(3).get("caseId").asText())
                        .count())
                .isOne();
    }

    @Test
    void aBatchOfAThousandIsTakenWhole() throws Exception {
        ArrayNode responses = json.createArrayNode();
        for (int i = 0; i < 1000; i++) {
            responses.add(json.readTree(TestResponses.json(UUID.randomUUID().toString(), 9)));
        }
        long before = db.queryForObject("select count(*) from follow_up_case", Long.class);

        HttpResponse<String> answer =
                post(json.createObjectNode().set("responses", responses).toString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("created").asInt()).isEqualTo(1000);
        assertThat(db.queryForObject("select count(*) from follow_up_case", Long.class))
                .isEqualTo(before + 1000);
    }

    @Test
    void moreThanAThousandOrNoneIsRefusedWhole() throws Exception {
        ArrayNode many = json.createArrayNode();
        for (int i = 0; i < 1001; i++) {
            many.add(json.createObjectNode());
        }

        HttpResponse<String> tooMany =
                post(json.createObjectNode().set("responses", many).toString());
        HttpResponse<String> none = post("{\"responses\": []}");
        HttpResponse<String> unknown = post("{\"responses\": [{}], \"dryRun\": true}");

        for (HttpResponse<String> refused : java.util.List.of(tooMany, none, unknown)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json.readTree(refused.body())
                            .get("errors")
                            .get(0)
                            .get("field")
                            .asText())
                    .isIn("responses", "dryRun");
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/responses/batch"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", "demo-intake-key")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
