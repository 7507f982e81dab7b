package dev.loopkeeper.outreach;

import dev.loopkeeper.sharedkernel.privacy.DataSubject;
import dev.loopkeeper.sharedkernel.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Outreach's records of a customer: the delivery log of messages to them or about their cases, and the staff alerts
 * and digest items that name them. Erased, a delivery keeps its channel, step, status and dates (how many messages
 * went out still counts); an alert keeps its kind, group and dates, and says it was about an erased customer.
 */
@Component
class MessageData implements PersonalData {

    static final String GONE = "(erased)";
    static final String ERASED_ALERT = "Alert about an erased customer";

    private final NamedParameterJdbcTemplate db;

    MessageData(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    @Override
    public Map<String, Object> heldAbout(DataSubject subject) {
        Map<String, Object> held = new LinkedHashMap<>();
        Where where = where(subject);
        held.put("deliveryLog", db.queryForList("select * from notification where " + where.deliveries, where.params));
        held.put("alerts", db.queryForList("select * from staff_alert where " + where.alerts, where.params));
        held.put("digestItems", db.queryForList("select * from alert_digest_item where " + where.alerts, where.params));
        return held;
    }

    @Override
    public void erase(DataSubject subject) {
        Where where = where(subject);
        where.params.addValue("gone", GONE).addValue("erasedAlert", ERASED_ALERT);
        db.update(
                "update notification set recipient = :gone, last_error = null where " + where.deliveries, where.params);
        db.update("update staff_alert set subject = :erasedAlert, body = null where " + where.alerts, where.params);
        db.update(
                "update alert_digest_item set subject = :erasedAlert, body = null where " + where.alerts, where.params);
    }

    private record Where(String deliveries, String alerts, MapSqlParameterSource params) {}

    /** About their cases, or addressed to them, or naming them in the text (an alert about a repeat detractor). */
    private static Where where(DataSubject subject) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("cases", subject.caseIds().isEmpty() ? List.of("-") : subject.caseIdTexts());
        List<String> addresses = Stream.of(subject.email(), subject.phone())
                .filter(v -> v != null && !v.isBlank())
                .map(v -> v.strip().toLowerCase(Locale.ROOT))
                .toList();
        params.addValue("addresses", addresses.isEmpty() ? List.of("-") : addresses);
        StringBuilder named = new StringBuilder();
        List<String> texts = Stream.of(subject.name(), subject.email(), subject.phone())
                .filter(v -> v != null && v.strip().length() >= 3)
                .map(v -> "%" + v.strip().toLowerCase(Locale.ROOT) + "%")
                .toList();
        for (int i = 0; i < texts.size(); i++) {
            params.addValue("text" + i, texts.get(i));
            named.append(" or lower(subject) like :text")
                    .append(i)
                    .append(" or lower(body) like :text")
                    .append(i);
        }
        return new Where(
                "case_id in (:cases) or lower(recipient) in (:addresses)", "case_id in (:cases)" + named, params);
    }
}
