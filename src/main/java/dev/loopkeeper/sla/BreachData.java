package dev.loopkeeper.sla;

import dev.loopkeeper.sharedkernel.privacy.DataSubject;
import dev.loopkeeper.sharedkernel.privacy.PersonalData;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The SLA breaches and extensions of the customer's cases. Erased, they keep everything but names and reasons. */
@Component
class BreachData implements PersonalData {

    private final NamedParameterJdbcTemplate db;

    BreachData(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    @Override
    public Map<String, Object> heldAbout(DataSubject subject) {
        if (subject.caseIds().isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource cases = new MapSqlParameterSource("cases", subject.caseIdTexts());
        return Map.of(
                "slaBreaches", db.queryForList("select * from sla_breach where case_id in (:cases)", cases),
                "slaExtensions", db.queryForList("select * from sla_extension where case_id in (:cases)", cases));
    }

    @Override
    public void erase(DataSubject subject) {
        if (!subject.caseIds().isEmpty()) {
            // the supervisors' reasons are free text about the customer: they may name them
            MapSqlParameterSource cases = new MapSqlParameterSource("cases", subject.caseIdTexts());
            db.update(
                    "update sla_breach set customer_name = null, decision_reason = null where case_id in (:cases)",
                    cases);
            db.update("update sla_extension set reason = '(erased)' where case_id in (:cases)", cases);
        }
    }
}
