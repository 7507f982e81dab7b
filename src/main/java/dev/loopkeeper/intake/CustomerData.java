package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.persistence.SearchText;
import dev.loopkeeper.sharedkernel.privacy.DataSubject;
import dev.loopkeeper.sharedkernel.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Intake's records of a customer: the customer, their responses with their properties and revisions, and the
 * webhook deliveries that brought them. Erased, the customer keeps their tier, lifetime value and dates under a
 * replacement id; the responses keep score, segment, touchpoint and dates; names, contact details and comments go.
 */
@Component
public class CustomerData implements PersonalData {

    private final NamedParameterJdbcTemplate db;

    CustomerData(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    /**
     * The customer with this external id, else this email address, with their responses (cases are casework's to
     * add).
     */
    public Optional<DataSubject> find(String externalIdOrEmail, String replacementId) {
        String key = externalIdOrEmail == null ? "" : externalIdOrEmail.strip();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> found = db.queryForList(
                "select id, external_id, name, email, phone from customer where external_id = :key"
                        + " union all select id, external_id, name, email, phone from customer"
                        + " where lower(email) = lower(:key) and external_id <> :key",
                Map.of("key", key));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> customer = found.get(0);
        UUID id = UUID.fromString(customer.get("id").toString());
        List<UUID> responses = db
                .queryForList(
                        "select id from feedback_response where customer_id = :id",
                        Map.of("id", id.toString()),
                        String.class)
                .stream()
                .map(UUID::fromString)
                .toList();
        return Optional.of(new DataSubject(
                id,
                (String) customer.get("external_id"),
                (String) customer.get("name"),
                (String) customer.get("email"),
                (String) customer.get("phone"),
                replacementId,
                List.of(),
                responses));
    }

    @Override
    public Map<String, Object> heldAbout(DataSubject subject) {
        MapSqlParameterSource ids = ids(subject);
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("customer", db.queryForList("select * from customer where id = :customer", ids));
        held.put("responses", db.queryForList("select * from feedback_response where customer_id = :customer", ids));
        if (!subject.responseIds().isEmpty()) {
            held.put(
                    "responseProperties",
                    db.queryForList("select * from response_property where response_id in (:responses)", ids));
            held.put(
                    "responseRevisions",
                    db.queryForList("select * from response_revision where response_id in (:responses)", ids));
            held.put(
                    "webhookDeliveries",
                    db.queryForList("select * from webhook_delivery where response_id in (:responses)", ids));
        }
        return held;
    }

    @Override
    public void erase(DataSubject subject) {
        MapSqlParameterSource ids = ids(subject);
        ids.addValue("replacement", subject.replacementId());
        ids.addValue("search", SearchText.of(subject.replacementId()));
        db.update(
                "update customer set external_id = :replacement, name = null, email = null, phone = null,"
                        + " search_text = :search where id = :customer",
                ids);
        db.update("update feedback_response set comment = null where customer_id = :customer", ids);
        if (subject.responseIds().isEmpty()) {
            return;
        }
        db.update(
                "update response_revision set comment_before = null, comment_after = null"
                        + " where response_id in (:responses)",
                ids);
        // region, product, location and touchpoint are what reports group by; a property that holds the customer's
        // own details (a survey tool's "Email" or "Name" column) goes
        for (String value : personal(subject)) {
            ids.addValue("value", "%" + value.toLowerCase(java.util.Locale.ROOT) + "%");
            db.update(
                    "delete from response_property where response_id in (:responses)"
                            + " and lower(prop_value) like :value",
                    ids);
        }
    }

    private static List<String> personal(DataSubject subject) {
        return java.util.stream.Stream.of(subject.name(), subject.email(), subject.phone(), subject.externalId())
                .filter(v -> v != null && v.strip().length() >= 3)
                .map(String::strip)
                .toList();
    }

    private static MapSqlParameterSource ids(DataSubject subject) {
        return new MapSqlParameterSource()
                .addValue("customer", subject.customerId().toString())
                .addValue("responses", subject.responseIdTexts());
    }
}
