package dev.loopkeeper.insight;

import dev.loopkeeper.sharedkernel.privacy.DataSubject;
import dev.loopkeeper.sharedkernel.privacy.PersonalData;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The customer's voice as themes see it: their comments. Erased, the comment goes and the row keeps score, segment,
 * week and its themes, so trends still count the response.
 */
@Component
class VoiceData implements PersonalData {

    private final NamedParameterJdbcTemplate db;

    VoiceData(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    @Override
    public Map<String, Object> heldAbout(DataSubject subject) {
        return Map.of(
                "voices",
                db.queryForList(
                        "select * from customer_voice where customer_ref = :customer or response_id in (:responses)",
                        params(subject)));
    }

    @Override
    public void erase(DataSubject subject) {
        db.update(
                "update customer_voice set comment = null, customer_ref = :replacement"
                        + " where customer_ref = :customer or response_id in (:responses)",
                params(subject));
    }

    private static MapSqlParameterSource params(DataSubject subject) {
        return new MapSqlParameterSource()
                .addValue("customer", subject.externalId())
                .addValue("replacement", subject.replacementId())
                .addValue("responses", subject.responseIds().isEmpty() ? List.of("-") : subject.responseIdTexts());
    }
}
