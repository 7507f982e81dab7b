package dev.loopkeeper.sharedkernel.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The words around the API's generated OpenAPI document: what the API is, its key, how it reads bodies, and the
 * problem documents every operation may answer. springdoc generates paths and schemas from the controllers and the
 * records' Bean Validation constraints; modules describe their own operations with their own customizers. Every
 * request body schema says {@code additionalProperties: false}: an unknown field is refused, not dropped.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String API_KEY = "apiKey";

    private static final String DESCRIPTION = """
            NPS responses in, the state of their follow-up cases out. Every call needs the header `X-Api-Key`,
            except this description and the webhooks, which are signed instead.

            Request bodies are read literally. A value of the wrong JSON type is refused, never coerced: `3.5`,
            `"7"` or `true` for a whole number, a number for a text or a time. A key that appears twice in one
            object, and a field this description does not list, are refused too (the problem says which field,
            and the field it probably meant). Every refusal is a `400` problem document that names the field and
            what was expected, and nothing of a refused request is stored.

            Text: identifiers (`source`, `sourceEventId`, `customer.externalId`, `customer.email`, `customer.tier`,
            property names) hold visible characters and inner spaces only: no control or invisible formatting
            characters (bidi overrides such as U+202E, zero-width characters), no line breaks, no spaces at either
            end. Names and property values are one line that can be shown; `comment` may also hold tabs and line
            breaks. No text may hold a lone UTF-16 surrogate (for example from a `\\ud800` escape) or a Unicode
            non-character. Lengths count UTF-16 code units.

            A `2xx` is sent once what it acknowledges is committed to disk.""";

    @Bean
    OpenAPI loopkeeperApi() {
        return new OpenAPI()
                .info(new Info().title("Loopkeeper API").version("1").description(DESCRIPTION))
                .servers(List.of(new Server().url("/")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key"))
                        .addSchemas(PROBLEM, problem()));
    }

    /** Problems on every operation, unknown fields refused in every request body. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    OpenApiCustomizer problemsAndClosedBodies() {
        return api -> {
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        problems(operation, method);
                        closeRequestBody(api, operation);
                    }));
        };
    }

    private static void problems(Operation operation, PathItem.HttpMethod method) {
        operation
                .getResponses()
                .entrySet()
                .removeIf(e -> e.getKey().startsWith("4") || e.getKey().startsWith("5"));
        operation
                .getResponses()
                .addApiResponse(
                        "400",
                        problem(
                                "The request cannot be taken as it is. Validation lists "
                                        + "every bad field under `errors`; a body that cannot be read names the first problem (a wrong JSON "
                                        + "type, an unknown or repeated field); a body that is not JSON at all is a `malformed-json` problem "
                                        + "saying where it broke.",
                                Map.of(
                                        "validation",
                                                Map.of(
                                                        "type",
                                                        "https://loopkeeper.dev/problems/invalid-input",
                                                        "title",
                                                        "Invalid request",
                                                        "status",
                                                        400,
                                                        "detail",
                                                        "2 fields are invalid",
                                                        "errors",
                                                        List.of(
                                                                Map.of(
                                                                        "field",
                                                                        "customer.externalId",
                                                                        "message",
                                                                        "must not be blank"),
                                                                Map.of(
                                                                        "field",
                                                                        "score",
                                                                        "message",
                                                                        "must be less than or equal to 10 (was 11)"))),
                                        "unknownField",
                                                Map.of(
                                                        "type",
                                                        "https://loopkeeper.dev/problems/invalid-input",
                                                        "title",
                                                        "Invalid request",
                                                        "status",
                                                        400,
                                                        "detail",
                                                        "1 field is invalid",
                                                        "errors",
                                                        List.of(Map.of(
                                                                "field",
                                                                "customer.emial",
                                                                "message",
                                                                "is not a known field; did you mean email?"))))));
        if (!operation.getResponses().containsKey("401")) {
            operation
                    .getResponses()
                    .addApiResponse(
                            "401", problem("The X-Api-Key header is missing or not a valid " + "key.", Map.of()));
        }
        operation.getResponses().addApiResponse("404", problem("No such case or path.", Map.of()));
        operation
                .getResponses()
                .addApiResponse(
                        "405", problem("A method this path does not have; `Allow` lists " + "those it has.", Map.of()));
        operation
                .getResponses()
                .addApiResponse("406", problem("An Accept header that excludes `application/json`.", Map.of()));
        if (method == PathItem.HttpMethod.POST) {
            operation
                    .getResponses()
                    .addApiResponse(
                            "413",
                            problem(
                                    "A body over the limit (64 KB, 4 MB for a batch), " + "also when sent chunked.",
                                    Map.of()));
            operation.getResponses().addApiResponse("415", problem("A body that is not `application/json`.", Map.of()));
        }
    }

    static ApiResponse problem(String description, Map<String, Object> examples) {
        MediaType json = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        examples.forEach(
                (name, value) -> json.addExamples(name, new io.swagger.v3.oas.models.examples.Example().value(value)));
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType("application/problem+json", json));
    }

    /** The request body's schema, and every object schema it refers to, refuse fields they do not list. */
    private static void closeRequestBody(OpenAPI api, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation
                .getRequestBody()
                .getContent()
                .values()
                .forEach(media -> close(api, media.getSchema(), new java.util.HashSet<>()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void close(OpenAPI api, Schema schema, Set<String> done) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (done.add(name)) {
                close(api, api.getComponents().getSchemas().get(name), done);
            }
            return;
        }
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            schema.setAdditionalProperties(false);
            ((Map<String, Schema>) schema.getProperties()).values().forEach(property -> close(api, property, done));
        }
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("RFC 9457 problem details.")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("For `invalid-input`, each bad field with what "
                                        + "is wrong (and what it was).")
                                .items(new ObjectSchema()
                                        .addProperty(
                                                "field",
                                                new StringSchema()
                                                        .description("A dotted path into the body: "
                                                                + "customer.email, properties[region]"))
                                        .addProperty("message", new StringSchema())
                                        .required(List.of("field", "message"))));
    }
}
