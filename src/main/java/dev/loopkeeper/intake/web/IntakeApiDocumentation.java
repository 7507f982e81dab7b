package dev.loopkeeper.intake.web;

import dev.loopkeeper.intake.DelightedEvent;
import dev.loopkeeper.intake.ResponseSubmission;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** What intake's operations do, in the API's OpenAPI document, with examples. */
@Configuration(proxyBeanMethods = false)
class IntakeApiDocumentation {

    static final Map<String, Object> EXAMPLE = Map.of(
            "source", "qualtrics",
            "sourceEventId", "R_2b9xk1",
            "respondedAt", "2026-11-23T09:12:00Z",
            "score", 3,
            "comment", "Waited 40 minutes on the hotline and nobody could tell me where my refund is.",
            "customer",
                    Map.of(
                            "externalId",
                            "CRM-100234",
                            "name",
                            "Maria Lopez",
                            "email",
                            "maria.lopez@example.com",
                            "phone",
                            "+34 600 123 456",
                            "preferredChannel",
                            "phone",
                            "tier",
                            "gold",
                            "lifetimeValue",
                            1200),
            "properties", Map.of("region", "EMEA", "product", "Broadband", "location", "Madrid"));

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OpenApiCustomizer intakeOperations() {
        return api -> {
            ModelConverters.getInstance().readAll(DelightedEvent.class).forEach(api.getComponents()::addSchemas);
            // springdoc turns @Size into maxLength for text, but says nothing for a map
            Schema<?> properties = (Schema<?>) api.getComponents()
                    .getSchemas()
                    .get("ResponseSubmission")
                    .getProperties()
                    .get("properties");
            properties.setMaxProperties(mostProperties());
            describe(api.getPaths().get("/api/responses"), op -> {
                op.summary("Submit an NPS response; its case opens.").description("""
                        Idempotent on `source` + `sourceEventId`: the same event again answers `200` with the case \
                        opened the first time. Concurrent posts of the same event, or of many events of one \
                        customer, all answer `201` or `200`; one case per event.""");
                example(op, EXAMPLE);
                created(op);
            });
            describe(api.getPaths().get("/api/responses/batch"), op -> {
                op.summary("Submit up to 1,000 responses; each is answered on its own.")
                        .description("""
                        Each element is read and checked as `POST /api/responses` would, and stored in transactions \
                        of 50. `200` when every element was taken (`201`/`200` each), `207` when some were not: \
                        `results[i].status` is 400 with its `errors`, or 500 if it could not be stored (send it \
                        again). Body limit 4 MB.""");
                example(op, Map.of("responses", List.of(EXAMPLE)));
                ApiResponse ok = op.getResponses().get("200");
                op.getResponses()
                        .addApiResponse(
                                "207",
                                new ApiResponse()
                                        .description("Some responses were refused; " + "see each result.")
                                        .content(ok.getContent()));
            });
            describe(api.getPaths().get("/api/webhooks/{source}"), op -> {
                op.summary("A response pushed by a survey tool, signed the Standard Webhooks way.")
                        .description("""
                        No API key: the delivery is signed. `webhook-signature` holds space-separated `v1,<base64>` \
                        signatures, each an HMAC-SHA256 of `webhook-id.webhook-timestamp.body` under a secret of the \
                        source in the address (`whsec_` secrets are base64). A timestamp more than 5 minutes from \
                        our clock, a delivery id seen before with the same timestamp (a replay), or no matching \
                        signature: `401`, nothing stored. The same id with a new timestamp (the sender's retry) \
                        answers the first delivery's case. The body is a response as `POST /api/responses` takes \
                        it; its `source` must be the one in the address.""");
                op.setSecurity(List.of());
                created(op);
                op.setRequestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType(
                                        "application/json",
                                        new MediaType()
                                                .schema(ref("ResponseSubmission"))
                                                .addExamples("response", new Example().value(EXAMPLE)))));
                refused(op);
            });
            describe(api.getPaths().get("/api/webhooks/delighted"), op -> {
                op.summary("Delighted's webhook, as Delighted sends it.").description("""
                        No API key: `X-Delighted-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body>` under \
                        the secret of the source `delighted`. `survey_response.created` opens a case; \
                        `survey_response.updated` with a new score or comment updates the stored response (its \
                        case stays; the timeline shows the change); an older update never undoes a newer one; the \
                        same `event_id` again changes nothing. Other events, and surveys that are not NPS, answer \
                        `204`. Person properties map to properties, tier and lifetime value as configured \
                        (`loopkeeper.intake.delighted`). Fields Delighted adds are ignored.""");
                op.setSecurity(List.of());
                op.setRequestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType("application/json", new MediaType().schema(ref("DelightedEvent")))));
                created(op);
                op.getResponses()
                        .addApiResponse(
                                "204", new ApiResponse().description("Not an NPS response event: " + "nothing to do."));
                refused(op);
            });
        };
    }

    /** 201 for a new case and 200 for one opened before, both with {@code Accepted} and the case's address. */
    private static void created(Operation op) {
        ApiResponse generated = op.getResponses().get("200");
        Content accepted = generated == null ? null : generated.getContent();
        io.swagger.v3.oas.models.headers.Header location = new io.swagger.v3.oas.models.headers.Header()
                .description("The case: /api/cases/{caseId}")
                .schema(new io.swagger.v3.oas.models.media.StringSchema());
        op.getResponses()
                .addApiResponse(
                        "201",
                        new ApiResponse()
                                .description("A new case was opened.")
                                .content(accepted)
                                .addHeaderObject("Location", location));
        op.getResponses()
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description("The response arrived before; this is "
                                        + "its case, unchanged (or changed by a survey tool's update).")
                                .content(accepted)
                                .addHeaderObject("Location", location));
    }

    private static int mostProperties() {
        try {
            return ResponseSubmission.class
                    .getDeclaredMethod("properties")
                    .getAnnotation(jakarta.validation.constraints.Size.class)
                    .max();
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void refused(Operation op) {
        op.getResponses()
                .addApiResponse(
                        "401",
                        new ApiResponse()
                                .description("Webhook refused: no valid signature, "
                                        + "a timestamp outside the window, or a replay. Nothing is stored.")
                                .content(new Content()
                                        .addMediaType(
                                                "application/problem+json", new MediaType().schema(ref("Problem")))));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static void example(Operation op, Object value) {
        if (op.getRequestBody() != null) {
            op.getRequestBody()
                    .getContent()
                    .values()
                    .forEach(media -> media.addExamples("response", new Example().value(value)));
        }
    }

    private static void describe(PathItem item, java.util.function.Consumer<Operation> description) {
        if (item != null && item.getPost() != null) {
            description.accept(item.getPost());
        }
    }
}
