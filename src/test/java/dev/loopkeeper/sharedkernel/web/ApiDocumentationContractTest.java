package dev.loopkeeper.sharedkernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.ResponseSubmission;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The generated OpenAPI document and the controllers stay in step: every {@code /api} operation a controller has is in
 * the document and nothing else is, and the request bodies it describes are the records the controllers read, with the
 * same required fields, lengths, and unknown fields refused.
 */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiDocumentationContractTest {

    /** Served by springdoc itself, not by our controllers. */
    private static final Set<String> DOCUMENT_ITSELF =
            Set.of("GET /api/openapi", "GET /api/openapi.yaml", "GET /api/openapi/swagger-config", "GET /api/docs");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void everyApiOperationOfTheControllersIsDocumentedAndNothingElse() throws Exception {
        JsonNode document = document();
        Set<String> documented = new TreeSet<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(
                                method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods()
                .forEach((info, method) -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api/"))
                        .forEach(pattern -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(verb -> served.add(verb.name() + " " + pattern))));
        served.removeAll(DOCUMENT_ITSELF);

        assertThat(documented).isEqualTo(served);
        assertThat(served)
                .contains(
                        "POST /api/responses",
                        "POST /api/responses/batch",
                        "POST /api/webhooks/delighted",
                        "POST /api/webhooks/{source}",
                        "GET /api/cases/{caseId}");
    }

    @Test
    void theRequestBodiesAreTheRecordsTheControllersRead() throws Exception {
        JsonNode schemas = document().get("components").get("schemas");

        assertDescribes(schemas, "ResponseSubmission", ResponseSubmission.class);
        assertDescribes(schemas, "CustomerDetails", CustomerDetails.class);
        assertThat(schemas.get("BatchSubmission").get("additionalProperties").asBoolean(true))
                .isFalse();
        assertThat(schemas.get("BatchSubmission")
                        .get("properties")
                        .get("responses")
                        .get("maxItems")
                        .asInt())
                .isEqualTo(1000);
    }

    @Test
    void webhooksNeedNoKeyAndEverythingElseDoes() throws Exception {
        JsonNode paths = document().get("paths");

        assertThat(paths.get("/api/webhooks/{source}").get("post").get("security"))
                .isEmpty();
        assertThat(paths.get("/api/webhooks/delighted").get("post").get("security"))
                .isEmpty();
        assertThat(paths.get("/api/responses").get("post").has("security")).isFalse();
        assertThat(document().get("security").get(0).has("apiKey")).isTrue();
        assertThat(paths.get("/api/responses")
                        .get("post")
                        .get("requestBody")
                        .get("content")
                        .get("application/json")
                        .get("examples"))
                .isNotEmpty();
    }

    @Test
    void theDocumentIsOpenAsJsonAndYamlAndTheUiHasItsOwnPolicy() throws Exception {
        HttpResponse<String> yaml = get("/api/openapi.yaml");
        HttpResponse<String> ui = get("/api/docs");
        HttpResponse<String> jsonDocument = get("/api/openapi");

        assertThat(yaml.statusCode()).isEqualTo(200);
        Map<String, Object> parsed = new org.yaml.snakeyaml.Yaml().load(yaml.body());
        assertThat(parsed.get("openapi")).isEqualTo("3.1.0");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(ui.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy ->
                        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-eval"));
        assertThat(jsonDocument.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'none'"));
    }

    private void assertDescribes(JsonNode schemas, String name, Class<? extends Record> type) {
        JsonNode schema = schemas.get(name);
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> components = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(properties).as(name + " properties").containsExactlyInAnyOrderElementsOf(components);
        assertThat(schema.get("additionalProperties").asBoolean(true))
                .as(name + " refuses unknown fields")
                .isFalse();
        Set<String> required = new HashSet<>();
        if (schema.has("required")) {
            schema.get("required").forEach(r -> required.add(r.asText()));
        }
        assertThat(required)
                .as(name + " required")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getRecordComponents())
                        .filter(c -> c.getAccessor().isAnnotationPresent(NotNull.class)
                                || c.getAccessor().isAnnotationPresent(NotBlank.class))
                        .map(RecordComponent::getName)
                        .toList());
        for (RecordComponent component : type.getRecordComponents()) {
            Size size = component.getAccessor().getAnnotation(Size.class);
            JsonNode property = schema.get("properties").get(component.getName());
            String limit = component.getType() == Map.class ? "maxProperties" : "maxLength";
            if (size != null) {
                assertThat(property.get(limit))
                        .as(name + "." + component.getName() + " " + limit)
                        .isNotNull();
                assertThat(property.get(limit).asInt())
                        .as(name + "." + component.getName())
                        .isEqualTo(size.max());
            }
        }
    }

    private JsonNode document() throws Exception {
        HttpResponse<String> served = get("/api/openapi");
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        JsonNode document = json.readTree(served.body());
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        return document;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
