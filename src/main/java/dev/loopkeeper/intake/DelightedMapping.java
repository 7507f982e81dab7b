package dev.loopkeeper.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopkeeper.sharedkernel.web.FieldProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Delighted survey response as one of ours: its id is the source event id, the person the customer (the CRM id
 * from a person property when one is configured, else Delighted's person id), and the configured person properties
 * become the properties, the tier and the lifetime value.
 */
final class DelightedMapping {

    /** A mapped response, or the problems found while mapping (a lifetime value that is no number, say). */
    record Mapped(ResponseSubmission submission, Instant updatedAt, List<FieldProblem> problems) {}

    private final IntakeSettings.Delighted settings;

    DelightedMapping(IntakeSettings.Delighted settings) {
        this.settings = settings;
    }

    Mapped map(DelightedEvent event) {
        DelightedEvent.Data data = event.data();
        List<FieldProblem> problems = new ArrayList<>();
        DelightedEvent.Person person =
                data.person() == null ? new DelightedEvent.Person(null, null, null, null, null) : data.person();
        Map<String, JsonNode> given = data.personProperties() == null ? Map.of() : data.personProperties();
        String customerId = text(given.get(settings.customerIdProperty()));
        BigDecimal lifetimeValue = null;
        String value = text(given.get(settings.lifetimeValueProperty()));
        if (value != null) {
            try {
                lifetimeValue = new BigDecimal(value.strip());
            } catch (NumberFormatException notANumber) {
                problems.add(new FieldProblem(
                        personProperty(settings.lifetimeValueProperty()),
                        "must be a number" + dev.loopkeeper.sharedkernel.web.ApiInput.was(value)));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        settings.properties().forEach((ours, theirs) -> {
            String property = text(given.get(theirs));
            if (property != null) {
                properties.put(ours, property);
            }
        });
        String comment = data.comment() == null || data.comment().isBlank() ? null : data.comment();
        ResponseSubmission submission = new ResponseSubmission(
                settings.source(),
                data.id(),
                data.createdAt() == null ? null : Instant.ofEpochSecond(data.createdAt()),
                data.score(),
                comment,
                new CustomerDetails(
                        customerId != null ? customerId : person.id(),
                        person.name(),
                        person.email(),
                        person.phoneNumber(),
                        null,
                        text(given.get(settings.tierProperty())),
                        lifetimeValue),
                properties,
                text(given.get(settings.touchpointProperty())));
        return new Mapped(
                submission, data.updatedAt() == null ? null : Instant.ofEpochSecond(data.updatedAt()), problems);
    }

    /** Where in Delighted's payload a field of ours came from, so that a problem names what Delighted sent. */
    List<FieldProblem> inTheirTerms(List<FieldProblem> ours) {
        return ours.stream()
                .map(p -> new FieldProblem(theirField(p.field()), p.message()))
                .toList();
    }

    private String theirField(String field) {
        return switch (field) {
            case "sourceEventId" -> "event_data.id";
            case "respondedAt" -> "event_data.created_at";
            case "score" -> "event_data.score";
            case "comment" -> "event_data.comment";
            case "customer.externalId" ->
                settings.customerIdProperty().isEmpty()
                        ? "event_data.person.id"
                        : "event_data.person.id (or " + personProperty(settings.customerIdProperty()) + ")";
            case "customer.name" -> "event_data.person.name";
            case "customer.email" -> "event_data.person.email";
            case "customer.phone" -> "event_data.person.phone_number";
            case "customer.tier" -> personProperty(settings.tierProperty());
            case "customer.lifetimeValue" -> personProperty(settings.lifetimeValueProperty());
            case "touchpoint" -> personProperty(settings.touchpointProperty());
            default -> {
                if (field.startsWith("properties[") && field.endsWith("]")) {
                    String ours = field.substring("properties[".length(), field.length() - 1);
                    yield personProperty(settings.properties().getOrDefault(ours, ours));
                }
                yield field;
            }
        };
    }

    private static String personProperty(String name) {
        return "event_data.person_properties[" + name + "]";
    }

    /** A person property as text: Delighted sends strings, but a number or true is taken as written. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }
}
