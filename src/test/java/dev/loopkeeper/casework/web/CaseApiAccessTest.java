package dev.loopkeeper.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.OtherTeam;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.WebSession;
import dev.loopkeeper.intake.CaseIntake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/cases/{id}} for integrations (API key: any case) and for Loopkeeper's users (HTTP basic or
 * their session: the case screen's rule, and for an invisible case the very answer of an unknown id).
 */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CaseApiAccessTest {

    static final String API_KEY = "demo-intake-key";

    @LocalServerPort
    int port;

    @Autowired
    CaseIntake intake;

    @Autowired
    IdentityService identity;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    UUID caseId;

    @BeforeEach
    void aCaseForTeamEmea() {
        OtherTeam.olga(identity);
        caseId = intake.receive(TestResponses.customer(
                        3,
                        "Maria Lopez",
                        "standard",
                        "EMEA",
                        "maria@example.com",
                        "+34 600 123 456",
                        "Nobody could tell me where my refund is"))
                .caseId();
    }

    @Test
    void theTeamAndTheLeadsReadTheCaseAsThemselves() throws Exception {
        for (String user : List.of("fiona", "frank", "sam", "ada")) {
            HttpResponse<String> read = get("/api/cases/" + caseId, basic(user));

            assertThat(read.statusCode()).as(user).isEqualTo(200);
            assertThat(json.readTree(read.body()).get("caseId").asText()).isEqualTo(caseId.toString());
        }
    }

    @Test
    void anyoneElseGetsTheAnswerForACaseThatDoesNotExist() throws Exception {
        UUID unknown = UUID.randomUUID();
        HttpResponse<String> noSuchCase = get("/api/cases/" + unknown, basic("fiona"));
        assertThat(noSuchCase.statusCode()).isEqualTo(404);
        assertThat(noSuchCase.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        for (String user : List.of("paula", OtherTeam.USER)) {
            HttpResponse<String> notTheirs = get("/api/cases/" + caseId, basic(user));

            assertThat(notTheirs.statusCode()).as(user).isEqualTo(404);
            assertThat(notTheirs.headers().firstValue("Content-Type"))
                    .isEqualTo(noSuchCase.headers().firstValue("Content-Type"));
            assertThat(notTheirs.body().replace(caseId.toString(), "ID"))
                    .isEqualTo(noSuchCase.body().replace(unknown.toString(), "ID"));
        }
    }

    @Test
    void integrationsReadAnyCaseWithTheirKey() throws Exception {
        HttpResponse<String> read = get("/api/cases/" + caseId, "X-Api-Key", API_KEY);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body()).get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(get("/api/cases/" + UUID.randomUUID(), "X-Api-Key", API_KEY).statusCode())
                .isEqualTo(404);
    }

    @Test
    void withoutAKeyOrAUserNothingGetsIn() throws Exception {
        HttpResponse<String> nobody = get("/api/cases/" + caseId);
        // not a real user: a wrong password holds the real one back for a while (Camunda's login throttling)
        HttpResponse<String> wrongPassword = get(
                "/api/cases/" + caseId,
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("nobody:guess".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> wrongKey = get("/api/cases/" + caseId, "X-Api-Key", "guess");

        assertThat(List.of(nobody, wrongPassword, wrongKey))
                .extracting(HttpResponse::statusCode)
                .containsOnly(401);
        assertThat(json.readTree(nobody.body()).get("detail").asText())
                .isEqualTo("Send your API key in the X-Api-Key header");
        assertThat(json.readTree(wrongPassword.body()).get("detail").asText()).isEqualTo("Wrong user name or password");
        assertThat(json.readTree(wrongKey.body()).get("detail").asText()).contains("not valid");
    }

    @Test
    void usersReadCasesButPostNothingAndTheRefusalTellsNoMore() throws Exception {
        for (String accept : List.of("application/json", "text/html")) {
            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(uri("/api/responses"))
                            .header("Content-Type", "application/json")
                            .header("Accept", accept)
                            .header("Authorization", basic("ada"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    TestResponses.json(UUID.randomUUID().toString(), 3)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(post.statusCode()).as(accept).isEqualTo(403);
            assertThat(post.body())
                    .as(accept)
                    .contains("Forbidden")
                    .doesNotContain("trace", "exception", "Exception", "message", "at org.");
        }
    }

    @Test
    void theSignedInSessionOfTheUiReadsCasesUnderTheSameRule() throws Exception {
        WebSession fiona = WebSession.signIn(port, "fiona", "demo");
        WebSession olga = WebSession.signIn(port, OtherTeam.USER, "demo");

        assertThat(fiona.get("/api/cases/" + caseId).statusCode()).isEqualTo(200);
        assertThat(olga.get("/api/cases/" + caseId).statusCode()).isEqualTo(404);
    }

    private String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length == 1) {
            request.header("Authorization", headers[0]);
        } else if (headers.length == 2) {
            request.header(headers[0], headers[1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
