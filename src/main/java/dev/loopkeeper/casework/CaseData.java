package dev.loopkeeper.casework;

import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays;
import dev.loopkeeper.sharedkernel.persistence.SearchText;
import dev.loopkeeper.sharedkernel.privacy.DataSubject;
import dev.loopkeeper.sharedkernel.privacy.PersonalData;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Casework's records of a customer: their cases with contact attempts, comments, resolutions and repeat responses,
 * and the engine's records of the processes that drove them (variables, history).
 *
 * <p>Erased: a case still open is closed as "no follow-up" with the reason {@link #ERASED}, its process deleted with
 * that reason; then the engine's history of every one of the customer's processes is deleted whole (variables, task
 * and activity history, their byte arrays), which is what retention would do to it anyway. Our case rows keep score,
 * segment, region, product, touchpoint, outcome, root cause and every date, under the customer's replacement id;
 * names, contact details and the free text people wrote about the customer go.
 */
@Component
public class CaseData implements PersonalData {

    /** The reason an erased customer's open case closed. */
    public static final String ERASED = "erased on request";

    private static final String GONE = "(erased)";

    private final NamedParameterJdbcTemplate db;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final Cases cases;
    private final Clock clock;
    private final ChangedDays changedDays;

    CaseData(
            NamedParameterJdbcTemplate db,
            RuntimeService runtime,
            HistoryService history,
            Cases cases,
            Clock clock,
            ChangedDays changedDays) {
        this.changedDays = changedDays;
        this.db = db;
        this.runtime = runtime;
        this.history = history;
        this.cases = cases;
        this.clock = clock;
    }

    /** The customer's cases, open or closed. */
    public List<UUID> caseIdsOf(String customerExternalId) {
        return db
                .queryForList(
                        "select id from follow_up_case where customer_external_id = :customer",
                        Map.of("customer", customerExternalId),
                        String.class)
                .stream()
                .map(UUID::fromString)
                .toList();
    }

    /** How many of these cases are still open. */
    public int openAmong(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return 0;
        }
        Integer open = db.queryForObject(
                "select count(*) from follow_up_case where id in (:cases) and status = 'OPEN'",
                new MapSqlParameterSource(
                        "cases", caseIds.stream().map(UUID::toString).toList()),
                Integer.class);
        return open == null ? 0 : open;
    }

    @Override
    public Map<String, Object> heldAbout(DataSubject subject) {
        Map<String, Object> held = new LinkedHashMap<>();
        if (subject.caseIds().isEmpty()) {
            return held;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("cases", subject.caseIdTexts());
        held.put("cases", db.queryForList("select * from follow_up_case where id in (:cases)", ids));
        held.put("contactAttempts", db.queryForList("select * from contact_attempt where case_id in (:cases)", ids));
        held.put("caseComments", db.queryForList("select * from case_comment where case_id in (:cases)", ids));
        held.put("resolutions", db.queryForList("select * from resolution where case_id in (:cases)", ids));
        held.put("repeatResponses", db.queryForList("select * from case_repeat where case_id in (:cases)", ids));
        held.put("openTasks", db.queryForList("select * from open_task where case_id in (:cases)", ids));
        List<Map<String, Object>> variables = new ArrayList<>();
        for (String processInstance : processInstances(subject)) {
            for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                    .processInstanceId(processInstance)
                    .disableCustomObjectDeserialization()
                    .list()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("processInstanceId", processInstance);
                row.put("name", variable.getName());
                row.put("type", variable.getTypeName());
                Object value = variable.getValue();
                row.put(
                        "value",
                        value == null || value instanceof Number || value instanceof Boolean
                                ? value
                                : value.toString());
                variables.add(row);
            }
        }
        held.put("processVariables", variables);
        return held;
    }

    @Override
    public void erase(DataSubject subject) {
        if (subject.caseIds().isEmpty()) {
            return;
        }
        Set<String> processes = processInstances(subject);
        for (String processInstance : processes) {
            if (runtime.createProcessInstanceQuery()
                            .processInstanceId(processInstance)
                            .count()
                    > 0) {
                runtime.deleteProcessInstance(processInstance, ERASED);
            }
        }
        if (!processes.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(List.copyOf(processes));
        }
        // what the deletion's listeners changed through JPA is written before these statements run
        cases.flush();
        MapSqlParameterSource ids = new MapSqlParameterSource("cases", subject.caseIdTexts())
                .addValue("replacement", subject.replacementId())
                .addValue("search", SearchText.of(subject.replacementId()))
                .addValue("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .addValue("erased", ERASED)
                .addValue("gone", GONE);
        // an open case closes here in SQL: the reports count its day again, as for any case written through JPA
        changedDays.casesChanged(subject.caseIds());
        db.update(
                "update follow_up_case set status = 'CLOSED', closed_as = 'NO_FOLLOW_UP', closed_reason = :erased,"
                        + " closed_at = :now where id in (:cases) and status = 'OPEN'",
                ids);
        db.update(
                "update follow_up_case set customer_external_id = :replacement, customer_name = null,"
                        + " customer_email = null, customer_phone = null, comment = null, search_text = :search"
                        + " where id in (:cases)",
                ids);
        db.update("update contact_attempt set notes = null where case_id in (:cases)", ids);
        db.update("update case_comment set body = :gone where case_id in (:cases)", ids);
        db.update(
                "update resolution set summary = :gone, why1 = null, why2 = null, why3 = null, why4 = null,"
                        + " why5 = null where case_id in (:cases)",
                ids);
        db.update("update case_repeat set comment = null where case_id in (:cases)", ids);
    }

    /** The engine's process instances of the customer's cases and responses (their business key), running or not. */
    private Set<String> processInstances(DataSubject subject) {
        List<String> keys = new ArrayList<>(subject.caseIdTexts());
        keys.addAll(subject.responseIdTexts());
        Set<String> found = new TreeSet<>();
        for (String key : keys) {
            history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
                    .map(HistoricProcessInstance::getId)
                    .forEach(found::add);
            runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(key)
                    .list()
                    .forEach(p -> found.add(p.getId()));
        }
        db.queryForList(
                        "select process_instance_id from follow_up_case where id in (:cases)"
                                + " and process_instance_id is not null",
                        new MapSqlParameterSource("cases", subject.caseIdTexts()),
                        String.class)
                .forEach(found::add);
        return found;
    }
}
