package dev.loopkeeper.survey;

import dev.loopkeeper.sharedkernel.privacy.DataSubject;
import dev.loopkeeper.sharedkernel.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The survey invitations sent to a customer and their opt-out. Erased, an invitation keeps its run, touchpoint,
 * status, dates and score (response rates still count) under the replacement id, and one still to be sent or reminded
 * of is not; the opt-out moves to that id too, so what the customer chose is not lost while their id is.
 */
@Component
class InvitationData implements PersonalData {

    private final NamedParameterJdbcTemplate db;

    InvitationData(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    @Override
    public Map<String, Object> heldAbout(DataSubject subject) {
        MapSqlParameterSource params = params(subject);
        Map<String, Object> held = new LinkedHashMap<>();
        held.put(
                "surveyInvitations",
                db.queryForList(
                        "select * from survey_invitation where customer_external_id = :customer"
                                + " or follows_case_id in (:cases) or case_id in (:cases)",
                        params));
        held.put(
                "surveyOptOut",
                db.queryForList("select * from survey_opt_out where customer_external_id = :customer", params));
        return held;
    }

    @Override
    public void erase(DataSubject subject) {
        MapSqlParameterSource params = params(subject);
        // nothing more goes to them: a scheduled survey or re-survey is skipped, a due reminder dropped
        db.update(
                "update survey_invitation set status = 'SKIPPED', reason = 'customer erased on request'"
                        + " where status = 'SCHEDULED' and (customer_external_id = :customer"
                        + " or follows_case_id in (:cases))",
                params);
        db.update(
                "update survey_invitation set reminder_due_at = null where customer_external_id = :customer"
                        + " or follows_case_id in (:cases)",
                params);
        db.update(
                "update survey_invitation set customer_external_id = :replacement, customer_name = null,"
                        + " email = null, phone = null where customer_external_id = :customer"
                        + " or follows_case_id in (:cases) or case_id in (:cases)",
                params);
        db.update(
                "update survey_opt_out set customer_external_id = :replacement where customer_external_id = :customer",
                params);
    }

    private static MapSqlParameterSource params(DataSubject subject) {
        return new MapSqlParameterSource()
                .addValue("customer", subject.externalId())
                .addValue("replacement", subject.replacementId())
                .addValue("cases", subject.caseIds().isEmpty() ? List.of("-") : subject.caseIdTexts());
    }
}
