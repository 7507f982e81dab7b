package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks an agent can work, paged, sorted and filtered in the database: one query for a page, one
 * for its count, whatever the page size. Plain SQL over our own projection of the engine's tasks, so every
 * condition can use an index.
 */
@Service
@Transactional(readOnly = true)
public class Tasklist {

    /** Sortable columns, by {@link TaskRow} field. */
    public static final Map<String, String> SORTABLE = Map.of(
            "dueAt", "t.due_at", "createdAt", "t.created_at", "taskName", "t.name", "assignee", "t.assignee",
            "customerName", "c.customer_name", "score", "c.score");

    private static final String COLUMNS = """
            select t.id, t.case_id, c.customer_name, c.score, c.segment, c.comment, t.name, t.task_key, t.due_at,
                   t.assignee, t.owner_id, t.candidate_group, c.preferred_channel, c.location, c.product, t.created_at
            """;
    private static final String FROM = " from open_task t left join follow_up_case c on c.id = t.case_id";
    private static final String LEADS = "supervisors";
    private static final String ADMINS = "admins";

    private final NamedParameterJdbcTemplate db;
    private final Clock clock;

    Tasklist(NamedParameterJdbcTemplate db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<TaskRow> page(Actor actor, TaskFilter filter, Pageable page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(actor, filter, params);
        params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        return db.query(COLUMNS + FROM + where + orderBy(page.getSort()) + " limit :limit offset :offset", params,
                Tasklist::row);
    }

    public long count(Actor actor, TaskFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(actor, filter, params);
        Long count = db.queryForObject("select count(*)" + FROM + where, params, Long.class);
        return count == null ? 0 : count;
    }

    /** The open tasks of one case the actor can see, in the order they were opened. */
    public List<TaskRow> ofCase(Actor actor, UUID caseId) {
        MapSqlParameterSource params = new MapSqlParameterSource("caseId", caseId.toString());
        String where = where(actor, TaskFilter.of(TaskView.ALL_OPEN), params) + " and t.case_id = :caseId";
        return db.query(COLUMNS + FROM + where + " order by t.created_at, t.id", params, Tasklist::row);
    }

    /** Locations and products of open cases, for the filter's choices. */
    public List<String> openLocations() {
        return db.queryForList("select distinct location from follow_up_case where status = 'OPEN' and location is not null "
                + "order by location", Map.of(), String.class);
    }

    public List<String> openProducts() {
        return db.queryForList("select distinct product from follow_up_case where status = 'OPEN' and product is not null "
                + "order by product", Map.of(), String.class);
    }

    private String where(Actor actor, TaskFilter filter, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        params.addValue("me", actor.userId());
        // an empty IN list is invalid SQL: a group nobody is in matches nothing
        params.addValue("groups", actor.groups().isEmpty() ? List.of("") : List.copyOf(actor.groups()));
        String myWork = "(t.assignee = :me or (t.assignee is null and t.candidate_group in (:groups)))";
        switch (filter.view()) {
            case MY_WORK -> conditions.add(myWork);
            case MINE -> conditions.add("t.assignee = :me");
            case UNCLAIMED -> conditions.add("t.assignee is null and t.candidate_group in (:groups)");
            case DUE_TODAY -> {
                conditions.add(myWork);
                conditions.add("t.due_at < :endOfToday");
                LocalDate today = LocalDate.ofInstant(clock.instant(), filter.zone());
                params.addValue("endOfToday", utc(today.plusDays(1).atStartOfDay(filter.zone()).toInstant()));
            }
            case BREACHED -> {
                conditions.add(myWork);
                conditions.add("t.due_at < :now");
                params.addValue("now", utc(clock.instant()));
            }
            case ALL_OPEN -> {
                if (!actor.isIn(LEADS) && !actor.isIn(ADMINS)) {
                    conditions.add("(t.assignee = :me or t.candidate_group in (:groups))");
                }
            }
        }
        if (!filter.segments().isEmpty()) {
            conditions.add("c.segment in (:segments)");
            params.addValue("segments", filter.segments().stream().map(Segment::name).toList());
        }
        equal(conditions, params, "t.task_key", "taskKey", filter.taskKey());
        equal(conditions, params, "t.candidate_group", "group", filter.group());
        equal(conditions, params, "c.location", "location", filter.location());
        equal(conditions, params, "c.product", "product", filter.product());
        if (filter.text() != null && !filter.text().isBlank()) {
            int word = 0;
            for (String term : filter.text().strip().toLowerCase(Locale.ROOT).split("\\s+")) {
                String name = "text" + word++;
                conditions.add("(lower(c.customer_name) like :" + name + " or lower(c.comment) like :" + name + ")");
                params.addValue(name, "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return conditions.isEmpty() ? " where 1 = 1" : " where " + String.join(" and ", conditions);
    }

    private static void equal(List<String> conditions, MapSqlParameterSource params, String column, String name,
                              String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = :" + name);
            params.addValue(name, value);
        }
    }

    private static String orderBy(Sort sort) {
        List<String> order = new ArrayList<>();
        for (Sort.Order o : sort.isSorted() ? sort : Sort.by("dueAt")) {
            String column = SORTABLE.get(o.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Cannot sort the tasklist by " + o.getProperty());
            }
            order.add(column + (o.isDescending() ? " desc" : ""));
        }
        // the id makes the order total, so a task never shows on two pages or none
        order.add("t.id");
        return " order by " + String.join(", ", order);
    }

    private static TaskRow row(ResultSet rs, int rowNum) throws SQLException {
        String caseId = rs.getString("case_id");
        String segment = rs.getString("segment");
        String channel = rs.getString("preferred_channel");
        int score = rs.getInt("score");
        Integer scoreOrNone = rs.wasNull() ? null : score;
        return new TaskRow(rs.getString("id"), caseId == null ? null : UUID.fromString(caseId.strip()),
                rs.getString("customer_name"), scoreOrNone,
                segment == null ? null : Segment.valueOf(segment), rs.getString("comment"), rs.getString("name"),
                rs.getString("task_key"), instant(rs, "due_at"), rs.getString("assignee"),
                rs.getString("owner_id"), rs.getString("candidate_group"),
                channel == null ? null : Channel.valueOf(channel), rs.getString("location"), rs.getString("product"),
                instant(rs, "created_at"));
    }

    /** Our timestamps are UTC wall-clock values (hibernate.jdbc.time_zone); read and bind them so, whatever the JVM's zone. */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
