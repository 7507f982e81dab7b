package dev.loopkeeper.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopkeeper.sharedkernel.validation.PlausibleInstant;
import dev.loopkeeper.sharedkernel.web.ApiInput;
import dev.loopkeeper.sharedkernel.web.FieldProblem;
import java.math.BigDecimal;
import java.time.DateTimeException;
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

    Mapped map(DelightedEvent event, Instant now) {
        DelightedEvent.Data data = event.data();
        List<FieldProblem> problems = new ArrayList<>();
        Instant createdAt = instant(data.createdAt(), "event_data.created_at", problems);
        Instant updatedAt = instant(data.updatedAt(), "event_data.updated_at", problems);
        // the created time is checked as respondedAt; the updated time decides which revision wins, so it is held
        // to the same range: one far ahead would make every later update look older
        if (updatedAt != null
                && (updatedAt.isBefore(PlausibleInstant.EARLIEST)
                        || updatedAt.isAfter(now.plus(PlausibleInstant.CLOCK_SKEW)))) {
            problems.add(new FieldProblem(
                    "event_data.updated_at",
                    "must be between 2000-01-01T00:00:00Z and 5 minutes from now" + ApiInput.was(data.updatedAt())));
            updatedAt = null;
        }
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
                        personProperty(settings.lifetimeValueProperty()), "must be a number" + ApiInput.was(value)));
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
                createdAt,
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
        return new Mapped(submission, updatedAt, problems);
    }

    /** Unix seconds as an instant; a number no instant has is a problem, not a failure. */
    private static Instant instant(Long seconds, String field, List<FieldProblem> problems) {
        if (seconds == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException outOfRange) {
            problems.add(new FieldProblem(field, "must be a time in unix seconds" + ApiInput.was(seconds)));
            return null;
        }
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
