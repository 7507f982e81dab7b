package dev.loopkeeper.sharedkernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.LoopkeeperTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Multipart bodies at the API, which takes none: the client's mistake answered as one, never a 500 with a stack trace
 * in the log (anyone may post to a webhook).
 */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class MultipartRefusalsTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBrokenMultipartBodyToAWebhookIsABadRequest(CapturedOutput log) throws Exception {
        HttpResponse<String> response = post("/api/webhooks/delighted", null, "--xx\r\nbroken");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("detail").asText()).contains("multipart");
        assertThat(log.getOut() + log.getErr()).doesNotContain("MultipartException", "failed (reference");
    }

    @Test
    void aWellFormedMultipartBodyWhereJsonIsExpectedIsAnUnsupportedType(CapturedOutput log) throws Exception {
        HttpResponse<String> response = post(
                "/api/responses",
                "demo-intake-key",
                "--xx\r\nContent-Disposition: form-data; name=\"score\"\r\n\r\n3\r\n--xx--\r\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(log.getOut() + log.getErr()).doesNotContain("MultipartException", "failed (reference");
    }

    private HttpResponse<String> post(String path, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=xx")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
