package dev.loopkeeper.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may use which door: the engine's REST API, deployments, Cockpit. */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessRulesTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void engineRestNeedsBasicAuthOfALead() throws Exception {
        assertThat(send("GET", "/engine-rest/process-definition/count", null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/engine-rest/process-definition/count", "nobody:demo")
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/engine-rest/process-definition/count", "fiona:demo")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> sam = send("GET", "/engine-rest/process-definition/count", "sam:demo");
        assertThat(sam.statusCode()).isEqualTo(200);
        assertThat(sam.body()).contains("\"count\":");
    }

    @Test
    void onlyProcessOwnersDeployThroughEngineRest() throws Exception {
        assertThat(send("POST", "/engine-rest/deployment/create", "sam:demo").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/engine-rest/deployment/create", "fiona:demo").statusCode())
                .isEqualTo(403);
        // Paula gets past security; the engine then refuses the empty multipart body itself
        assertThat(send("POST", "/engine-rest/deployment/create", "paula:demo").statusCode())
                .isNotIn(401, 403);
    }

    @Test
    void cockpitSendsStrangersToTheLoginPage() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/camunda/app/cockpit/default/", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void healthIsOpenForTheLoadBalancer() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
