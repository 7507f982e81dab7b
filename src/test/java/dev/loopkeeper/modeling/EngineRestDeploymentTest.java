package dev.loopkeeper.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.LoopkeeperTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deployments through {@code /engine-rest}, the way Camunda Modeler makes them: the same rules as in our
 * editor, reported as a 400 with the problems per file; and only process owners may deploy at all.
 */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class EngineRestDeploymentTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    ModelLibrary library;

    @Autowired
    ProcessEngine engine;

    final HttpClient http = HttpClient.newHttpClient();

    /**
     * /engine-rest finds its engine in Camunda's static registry under "default", where the last Spring
     * context of this test JVM to start has put its own. Production has one; here, point it at ours.
     */
    @BeforeEach
    void engineRestUsesThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    static Stream<BrokenModels.Case> brokenModels() {
        return BrokenModels.all().stream();
    }

    @Test
    void aFrontlineUserMayNotDeploy(CapturedOutput log) throws Exception {
        String key = BrokenModels.key();

        HttpResponse<String> response = deploy("fiona:demo", key + ".bpmn", BrokenModels.valid(key));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(library.model(ModelKind.PROCESS, key)).isEmpty();
        assertRefusedQuietly(response, log);
    }

    /** Anyone may knock: the refusal is JSON like the API's others, and the log gets no stack trace for it. */
    @Test
    void aDeploymentWithoutCredentialsIsRefusedQuietly(CapturedOutput log) throws Exception {
        String key = BrokenModels.key();

        HttpResponse<String> response = deploy(null, key + ".bpmn", BrokenModels.valid(key));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(library.model(ModelKind.PROCESS, key)).isEmpty();
        assertRefusedQuietly(response, log);
    }

    private void assertRefusedQuietly(HttpResponse<String> response, CapturedOutput log) throws Exception {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(log.getOut() + log.getErr())
                .doesNotContain("multi-part configuration", "Failed to parse multipart", "Servlet.service()");
    }

    @Test
    void aProcessOwnerDeploysAValidModelAndIsRecordedAsItsAuthor() throws Exception {
        String key = BrokenModels.key();

        HttpResponse<String> response = deploy("paula:demo", key + ".bpmn", BrokenModels.valid(key));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode deployment = json.readTree(response.body());
        assertThat(deployment.path("deployedProcessDefinitions").toString()).contains(key);
        ModelVersion deployed =
                library.model(ModelKind.PROCESS, key).orElseThrow().latest();
        assertThat(deployed.deployedBy()).isEqualTo("paula");
        assertThat(deployed.source()).isEqualTo("Camunda Modeler");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenModels")
    void aModelThatBreaksARuleIsRefusedWithTheReason(BrokenModels.Case broken) throws Exception {
        HttpResponse<String> response = deploy("paula:demo", broken.resourceName(), broken.content());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("ParseException");
        assertThat(body.path("message").asText()).contains(broken.expected());
        JsonNode errors = body.path("details").path(broken.resourceName()).path("errors");
        assertThat(errors.isArray()).as(response.body()).isTrue();
        assertThat(errors.findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains(broken.expected()));
        if (broken.elementId() != null) {
            assertThat(errors.findValuesAsText("mainElementId")).contains(broken.elementId());
        }
    }

    /** The mixed-content timer of the adversarial corpus, evaluated on deploy if it got through: 400, nothing ran. */
    @Test
    void anAdversarialModelIsRefusedWithTheElementItHidesIn(@TempDir Path markers) throws Exception {
        AdversarialModels.Case adversarial = AdversarialModels.all().get(0);

        HttpResponse<String> response = deploy("paula:demo", adversarial.resourceName(), adversarial.content(markers));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body())
                .path("details")
                .path(adversarial.resourceName())
                .path("errors");
        assertThat(errors.findValuesAsText("mainElementId")).contains(adversarial.refusedAt());
        assertThat(adversarial.marker(markers)).doesNotExist();
    }

    private HttpResponse<String> deploy(String credentials, String fileName, String content) throws Exception {
        return deploy(credentials, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart deployment as Camunda Modeler sends it. */
    private HttpResponse<String> deploy(String credentials, String fileName, byte[] content) throws Exception {
        String boundary = "----loopkeeper" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "deployment-name", null, "test deployment");
        part(body, boundary, "deployment-source", null, "Camunda Modeler");
        part(body, boundary, "deploy-changed-only", null, "false");
        part(body, boundary, fileName, fileName, content);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String value)
            throws Exception {
        part(body, boundary, name, fileName, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] value)
            throws Exception {
        StringBuilder head = new StringBuilder("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append('"');
        if (fileName != null) {
            head.append("; filename=\"")
                    .append(fileName)
                    .append('"')
                    .append("\r\nContent-Type: application/octet-stream");
        }
        head.append("\r\n\r\n");
        body.write(head.toString().getBytes(StandardCharsets.UTF_8));
        body.write(value);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
