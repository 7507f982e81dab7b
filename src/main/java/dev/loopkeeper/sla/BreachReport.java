package dev.loopkeeper.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every SLA breach, filtered, paged and counted per day by the database, for supervisors. */
@Service
@Transactional(readOnly = true)
public class BreachReport {

    private final NamedParameterJdbcTemplate db;

    BreachReport(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    /** Newest first. */
    public List<BreachRecord> page(BreachFilter filter, Pageable page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        return db.query(
                "select * from sla_breach" + where + " order by breached_at desc, id limit :limit offset :offset",
                params,
                BreachReport::row);
    }

    public long count(BreachFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = db.queryForObject("select count(*) from sla_breach" + where(filter, params), params, Long.class);
        return count == null ? 0 : count;
    }

    /** Breaches per day (UTC), every day of the period present, oldest first: the trend. */
    public Map<LocalDate, Long> perDay(BreachFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        if (filter.from() != null && filter.to() != null) {
            for (LocalDate d = LocalDate.ofInstant(filter.from(), ZoneOffset.UTC);
                    d.isBefore(LocalDate.ofInstant(filter.to(), ZoneOffset.UTC).plusDays(1));
                    d = d.plusDays(1)) {
                days.put(d, 0L);
            }
        }
        db.query(
                "select cast(breached_at as date) as breach_day, count(*) as breaches from sla_breach"
                        + where(filter, params) + " group by cast(breached_at as date) order by breach_day",
                params,
                rs -> {
                    days.put(rs.getObject("breach_day", LocalDate.class), rs.getLong("breaches"));
                });
        return days;
    }

    /** Breaches per activity the case was waiting in when its SLA passed: the overlay on the diagram. */
    public Map<String, Long> perActivity(BreachFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Map<String, Long> activities = new LinkedHashMap<>();
        db.query(
                "select activity_id, count(*) as breaches from sla_breach" + where(filter, params)
                        + " group by activity_id",
                params,
                rs -> {
                    activities.put(rs.getString("activity_id"), rs.getLong("breaches"));
                });
        return activities;
    }

    private static String where(BreachFilter filter, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        if (filter.from() != null) {
            conditions.add("breached_at >= :from");
            params.addValue("from", LocalDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("breached_at < :to");
            params.addValue("to", LocalDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        if (filter.group() != null && !filter.group().isBlank()) {
            conditions.add("candidate_group = :group");
            params.addValue("group", filter.group());
        }
        if (filter.segment() != null) {
            conditions.add("segment = :segment");
            params.addValue("segment", filter.segment().key());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static BreachRecord row(ResultSet rs, int n) throws SQLException {
        return new BreachRecord(
                UUID.fromString(rs.getString("id").strip()),
                UUID.fromString(rs.getString("case_id").strip()),
                rs.getString("customer_name"),
                rs.getString("segment"),
                rs.getString("activity_id"),
                instant(rs, "due_at"),
                instant(rs, "breached_at"),
                rs.getString("candidate_group"),
                rs.getString("assignee_at_breach"),
                rs.getString("acknowledged_by"),
                instant(rs, "acknowledged_at"),
                rs.getString("decision"),
                rs.getString("decision_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
