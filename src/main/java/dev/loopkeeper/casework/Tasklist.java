package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.SearchText;
import dev.loopkeeper.sharedkernel.persistence.Tally;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
            "dueAt",
            "t.due_at",
            "createdAt",
            "t.created_at",
            "taskName",
            "t.name",
            "assignee",
            "t.assignee",
            "customerName",
            "c.customer_name",
            "score",
            "c.score");

    private static final String COLUMNS = """
            select t.id, t.case_id, c.customer_name, c.score, c.segment, c.comment, t.name, t.task_key, t.due_at,
                   t.assignee, t.owner_id, t.candidate_group, c.preferred_channel, c.location, c.product, t.created_at,
                   c.region
            """;
    private static final String FROM = " from open_task t left join follow_up_case c on c.id = t.case_id";
    /**
     * With a search that finds few cases only tasks with a case can match, and an inner join lets the optimizer start
     * from the search's matches, then their tasks. The left join fixes the other order, the agent's queue in the
     * list's order, each task's case checked as it comes: right for a common word (the page fills from the first rows
     * read), wrong for a name (10 000 random reads of cases at a million).
     */
    private static final String FROM_CASES = " from open_task t join follow_up_case c on c.id = t.case_id";

    private final NamedParameterJdbcTemplate db;
    private final Clock clock;
    private final SearchText search;

    Tasklist(NamedParameterJdbcTemplate db, Clock clock, SearchText search) {
        this.db = db;
        this.clock = clock;
        this.search = search;
    }

    public List<TaskRow> page(Actor actor, TaskFilter filter, Pageable page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Query query = query(actor, filter, params);
        params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        List<String[]> order = orderBy(page.getSort());
        if (query.branches().size() == 1) {
            return db.query(
                    COLUMNS + query.from() + query.where(0) + " order by " + columns(order, true)
                            + " limit :limit offset :offset",
                    params,
                    Tasklist::row);
        }
        // Each branch is its own indexed top-N; the union of the branches' first (offset + limit) rows holds
        // the page, sorted once more outside. An OR across the branches would make the database scan.
        // the top-N is written into the SQL (a number from the Pageable): H2 reuses a derived table's rows
        // across executions when its limit is a parameter, and a later page would come back empty
        long top = page.getOffset() + page.getPageSize();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < query.branches().size(); i++) {
            parts.add("(" + COLUMNS + query.from() + query.where(i) + " order by " + columns(order, true) + " limit "
                    + top + ")");
        }
        return db.query(
                "select * from (" + String.join(" union all ", parts) + ") u order by " + columns(order, false)
                        + " limit :limit offset :offset",
                params,
                Tasklist::row);
    }

    public long count(Actor actor, TaskFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Query query = query(actor, filter, params);
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < query.branches().size(); i++) {
            // without conditions on the case the join only costs: count the tasks alone
            String from = query.casesLead() ? FROM_CASES : query.onCases() ? FROM : " from open_task t";
            counts.add("(select count(*)" + from + query.where(i) + ")");
        }
        Long count = db.queryForObject("select " + String.join(" + ", counts), params, Long.class);
        return count == null ? 0 : count;
    }

    /** The count the list shows: counted, or for a search of a common word estimated from the count without it. */
    public Tally tally(Actor actor, TaskFilter filter) {
        SearchText.Match text =
                search.matching("follow_up_case", "c.search_text", filter.text(), "text", new MapSqlParameterSource());
        if (text.common()) {
            return new Tally(text.estimate(count(actor, filter.withText(null))), true);
        }
        return Tally.counted(count(actor, filter));
    }

    /** The open tasks of one case the actor can see, in the order they were opened. */
    public List<TaskRow> ofCase(Actor actor, UUID caseId) {
        MapSqlParameterSource params = new MapSqlParameterSource("caseId", caseId.toString());
        String visible = actor.oversees() ? "" : " and (t.assignee = :me or t.candidate_group in (:groups))";
        params.addValue("me", actor.userId()).addValue("groups", groupsOf(actor));
        return db.query(
                COLUMNS + FROM + " where t.case_id = :caseId" + visible + " order by t.created_at, t.id",
                params,
                Tasklist::row);
    }

    /** Locations and products of open cases, for the filter's choices. */
    public List<String> openLocations() {
        return db.queryForList(
                "select distinct location from follow_up_case where status = 'OPEN' and location is not null "
                        + "order by location",
                Map.of(),
                String.class);
    }

    public List<String> openProducts() {
        return db.queryForList(
                "select distinct product from follow_up_case where status = 'OPEN' and product is not null "
                        + "order by product",
                Map.of(),
                String.class);
    }

    /**
     * Whose tasks a view shows, as disjoint branches (each one index-friendly), and the conditions all
     * branches share.
     */
    private record Query(List<String> branches, List<String> conditions, boolean casesLead) {

        boolean onCases() {
            return conditions.stream().anyMatch(c -> c.contains("c."));
        }

        String from() {
            return casesLead ? FROM_CASES : FROM;
        }

        String where(int branch) {
            List<String> all = new ArrayList<>();
            if (!branches.get(branch).isEmpty()) {
                all.add(branches.get(branch));
            }
            all.addAll(conditions);
            return all.isEmpty() ? " where 1 = 1" : " where " + String.join(" and ", all);
        }
    }

    private static final String MINE = "t.assignee = :me";
    private static final String MY_GROUPS_UNCLAIMED = "t.assignee is null and t.candidate_group in (:groups)";

    private Query query(Actor actor, TaskFilter filter, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        params.addValue("me", actor.userId());
        params.addValue("groups", groupsOf(actor));
        List<String> myWork = List.of(MINE, MY_GROUPS_UNCLAIMED);
        List<String> branches = switch (filter.view()) {
            case MY_WORK -> myWork;
            case MINE -> List.of(MINE);
            case UNCLAIMED -> List.of(MY_GROUPS_UNCLAIMED);
            case DUE_TODAY -> {
                conditions.add("t.due_at < :endOfToday");
                LocalDate today = LocalDate.ofInstant(clock.instant(), filter.zone());
                params.addValue(
                        "endOfToday",
                        utc(today.plusDays(1).atStartOfDay(filter.zone()).toInstant()));
                yield myWork;
            }
            case BREACHED -> {
                conditions.add("t.due_at < :now");
                params.addValue("now", utc(clock.instant()));
                yield myWork;
            }
            case ALL_OPEN ->
                actor.oversees()
                        ? List.of("")
                        : List.of(MINE, "t.candidate_group in (:groups) and (t.assignee is null or t.assignee <> :me)");
        };
        if (!filter.segments().isEmpty()) {
            conditions.add("c.segment in (:segments)");
            params.addValue(
                    "segments", filter.segments().stream().map(Segment::name).toList());
        }
        equal(conditions, params, "t.task_key", "taskKey", filter.taskKey());
        equal(conditions, params, "t.candidate_group", "group", filter.group());
        equal(conditions, params, "c.location", "location", filter.location());
        equal(conditions, params, "c.product", "product", filter.product());
        SearchText.Match text = search.matching("follow_up_case", "c.search_text", filter.text(), "text", params);
        boolean casesLead = text.indexed();
        if (!text.isEmpty()) {
            conditions.add(text.condition());
        }
        if (casesLead) {
            if (branches.size() > 1) {
                // the search's few cases lead, and whose task it is only filters them: one statement, one search,
                // instead of the same search once per branch
                branches = List.of("("
                        + String.join(
                                " or ",
                                branches.stream().map(b -> "(" + b + ")").toList()) + ")");
            }
        }
        return new Query(branches, conditions, casesLead);
    }

    /** An empty IN list is invalid SQL: a group nobody is in matches nothing. */
    private static List<String> groupsOf(Actor actor) {
        return actor.groups().isEmpty() ? List.of("") : List.copyOf(actor.groups());
    }

    private static void equal(
            List<String> conditions, MapSqlParameterSource params, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = :" + name);
            params.addValue(name, value);
        }
    }

    /** [qualified column, direction] pairs; the id last makes the order total, so no task shows twice or never. */
    private static List<String[]> orderBy(Sort sort) {
        List<String[]> order = new ArrayList<>();
        for (Sort.Order o : sort.isSorted() ? sort : Sort.by("dueAt")) {
            String column = SORTABLE.get(o.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Cannot sort the tasklist by " + o.getProperty());
            }
            order.add(new String[] {column, o.isDescending() ? " desc" : ""});
        }
        order.add(new String[] {"t.id", ""});
        return order;
    }

    /** The order by clause inside (qualified) or outside (bare column names) the union. */
    private static String columns(List<String[]> order, boolean qualified) {
        return String.join(
                ", ",
                order.stream()
                        .map(o -> (qualified ? o[0] : o[0].substring(o[0].indexOf('.') + 1)) + o[1])
                        .toList());
    }

    private static TaskRow row(ResultSet rs, int rowNum) throws SQLException {
        String caseId = rs.getString("case_id");
        String segment = rs.getString("segment");
        String channel = rs.getString("preferred_channel");
        int score = rs.getInt("score");
        Integer scoreOrNone = rs.wasNull() ? null : score;
        return new TaskRow(
                rs.getString("id"),
                caseId == null ? null : UUID.fromString(caseId.strip()),
                rs.getString("customer_name"),
                scoreOrNone,
                segment == null ? null : Segment.valueOf(segment),
                rs.getString("comment"),
                rs.getString("name"),
                rs.getString("task_key"),
                instant(rs, "due_at"),
                rs.getString("assignee"),
                rs.getString("owner_id"),
                rs.getString("candidate_group"),
                channel == null ? null : Channel.valueOf(channel),
                rs.getString("location"),
                rs.getString("product"),
                instant(rs, "created_at"),
                rs.getString("region"));
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
