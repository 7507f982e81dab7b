package dev.loopkeeper.casework;

import dev.loopkeeper.casework.domain.CaseParticipants;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.DatabaseProduct;
import dev.loopkeeper.sharedkernel.persistence.SearchText;
import dev.loopkeeper.sharedkernel.persistence.Tally;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every case in any state, found by what a caller says (name, external id, email, phone, words of the comment) and
 * narrowed by the case list's filters; paged and counted in SQL. Who sees which case is {@link CaseAccess}'s rule,
 * written as a condition on the same table it reads ({@code case_participant}).
 */
@Service
@Transactional(readOnly = true)
public class CaseSearch {

    /** Sortable columns, by {@link CaseRow} field. */
    public static final Map<String, String> SORTABLE = Map.of(
            "openedAt", "c.opened_at",
            "closedAt", "c.closed_at",
            "score", "c.score",
            "customerName", "c.customer_name");

    private static final String HAS_TASK = "exists (select 1 from open_task t where t.case_id = c.id)";
    private static final String WAITS_FOR_FIX = "c.improvement_action_id is not null and c.resolved_at is not null";

    private static final String COLUMNS = """
            select c.id, c.status, c.closed_as, c.customer_external_id, c.customer_name, c.customer_email,
                   c.customer_phone, c.score, c.segment, c.comment, c.region, c.product, c.improvement_action_id,
                   c.resolved_at, c.opened_at, c.closed_at,
                   (select min(t.due_at) from open_task t where t.case_id = c.id) next_due,
                   (select min(coalesce(t.assignee, t.candidate_group)) from open_task t where t.case_id = c.id) holder
            from follow_up_case c""";

    /**
     * MariaDB materializes "the cases the agent's groups take part in" (hundreds of thousands of participant rows at
     * a million cases) before it reads a page; checked row by row instead, the first page of 50 reads about 50 / share
     * cases in the list's order (or the few a search found) and stops.
     */
    private static final String ROW_BY_ROW = "set statement optimizer_switch='semijoin=off' for ";

    private final NamedParameterJdbcTemplate db;
    private final SearchText search;
    private final boolean mariaDb;

    CaseSearch(NamedParameterJdbcTemplate db, SearchText search, DatabaseProduct database) {
        this.db = db;
        this.search = search;
        this.mariaDb = !database.isH2();
    }

    public List<CaseRow> page(Actor actor, CaseQuery query, ZoneId zone, Pageable page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(actor, query, zone, params);
        params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        String select = COLUMNS + where + orderBy(page.getSort()) + " limit :limit offset :offset";
        return db.query(!actor.oversees() && mariaDb ? ROW_BY_ROW + select : select, params, CaseSearch::row);
    }

    public long count(Actor actor, CaseQuery query, ZoneId zone) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!actor.oversees() && query.equals(CaseQuery.all())) {
            // an agent's unfiltered list: counted in the participant index, not by a lookup per case (seconds at 1M)
            CaseParticipants.addParticipant(params, actor.userId(), actor.groups());
            Long count = db.queryForObject(CaseParticipants.countTakingPart(), params, Long.class);
            return count == null ? 0 : count;
        }
        Long count = db.queryForObject(
                "select count(*) from follow_up_case c" + where(actor, query, zone, params), params, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The count a list shows: counted, or for a search of a common word estimated from the count without it (an exact
     * count would read most of the table; {@link #count} still does).
     */
    public Tally tally(Actor actor, CaseQuery query, ZoneId zone) {
        SearchText.Match text =
                search.matching("follow_up_case", "c.search_text", query.text(), "text", new MapSqlParameterSource());
        if (text.common()) {
            return new Tally(text.estimate(count(actor, query.withText(null), zone)), true);
        }
        return Tally.counted(count(actor, query, zone));
    }

    /**
     * Every case of the query, in the list's order, one at a time: an export streams them from the database
     * instead of holding them (the driver fetches in rounds).
     */
    public void each(Actor actor, CaseQuery query, ZoneId zone, Sort sort, Consumer<CaseRow> consumer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = COLUMNS + where(actor, query, zone, params) + orderBy(sort);
        JdbcTemplate streaming = new JdbcTemplate(db.getJdbcTemplate().getDataSource());
        streaming.setFetchSize(500);
        new NamedParameterJdbcTemplate(streaming).query(sql, params, rs -> {
            consumer.accept(row(rs, 0));
        });
    }

    /** The customer's cases that the actor may see, newest first (at most 200). */
    public List<CaseRow> ofCustomer(Actor actor, String customerExternalId) {
        MapSqlParameterSource params = new MapSqlParameterSource("externalId", customerExternalId);
        String visible = "";
        if (!actor.oversees()) {
            visible = " and " + CaseParticipants.takesPart("c.id");
            CaseParticipants.addParticipant(params, actor.userId(), actor.groups());
        }
        return db.query(
                COLUMNS + " where c.customer_external_id = :externalId" + visible
                        + " order by c.opened_at desc, c.id limit 200",
                params,
                CaseSearch::row);
    }

    /** The customer's open case, if they have one (the latest opened), whoever may see it: for their phone call. */
    public Optional<CaseRow> openCaseOf(String customerExternalId) {
        return db
                .query(
                        COLUMNS + " where c.customer_external_id = :externalId and c.status = 'OPEN'"
                                + " order by c.opened_at desc, c.id limit 1",
                        new MapSqlParameterSource("externalId", customerExternalId),
                        CaseSearch::row)
                .stream()
                .findFirst();
    }

    /** Regions and products cases came with, for the filters' choices. */
    public List<String> regions() {
        return distinct("region");
    }

    public List<String> products() {
        return distinct("product");
    }

    private List<String> distinct(String column) {
        return db.queryForList(
                "select distinct " + column + " from follow_up_case where " + column + " is not null order by "
                        + column,
                Map.of(),
                String.class);
    }

    private String where(Actor actor, CaseQuery query, ZoneId zone, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        if (!actor.oversees()) {
            conditions.add(CaseParticipants.takesPart("c.id"));
            CaseParticipants.addParticipant(params, actor.userId(), actor.groups());
        }
        if (!query.states().isEmpty()) {
            conditions.add("("
                    + String.join(
                            " or ",
                            query.states().stream()
                                    .sorted()
                                    .map(CaseSearch::stateCondition)
                                    .toList()) + ")");
        }
        if (!query.outcomes().isEmpty()) {
            conditions.add("c.closed_as in (:outcomes)");
            params.addValue(
                    "outcomes", query.outcomes().stream().map(CaseOutcome::name).toList());
        }
        if (!query.segments().isEmpty()) {
            conditions.add("c.segment in (:segments)");
            params.addValue(
                    "segments", query.segments().stream().map(Segment::name).toList());
        }
        if (query.minScore() != null) {
            conditions.add("c.score >= :minScore");
            params.addValue("minScore", query.minScore());
        }
        if (query.maxScore() != null) {
            conditions.add("c.score <= :maxScore");
            params.addValue("maxScore", query.maxScore());
        }
        if (query.group() != null && !query.group().isBlank()) {
            conditions.add(CaseParticipants.tookPart("c.id", CaseParticipants.Kind.GROUP, "group"));
            params.addValue("group", query.group());
        }
        if (query.assignee() != null && !query.assignee().isBlank()) {
            conditions.add(CaseParticipants.tookPart("c.id", CaseParticipants.Kind.USER, "assignee"));
            params.addValue("assignee", query.assignee());
        }
        equal(conditions, params, "c.region", "region", query.region());
        equal(conditions, params, "c.product", "product", query.product());
        period(conditions, params, "c.opened_at", "opened", query.openedFrom(), query.openedTo(), zone);
        period(conditions, params, "c.closed_at", "closed", query.closedFrom(), query.closedTo(), zone);
        SearchText.Match text = search.matching("follow_up_case", "c.search_text", query.text(), "text", params);
        if (!text.isEmpty()) {
            conditions.add(text.condition());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static String stateCondition(CaseState state) {
        return switch (state) {
            case TO_DO -> "(c.status = 'OPEN' and " + HAS_TASK + ")";
            case WAITING_FOR_REPLY -> "(c.status = 'OPEN' and not " + HAS_TASK + " and not (" + WAITS_FOR_FIX + "))";
            case WAITING_FOR_FIX -> "(c.status = 'OPEN' and not " + HAS_TASK + " and " + WAITS_FOR_FIX + ")";
            case CLOSED -> "c.status = 'CLOSED'";
        };
    }

    private static void equal(
            List<String> conditions, MapSqlParameterSource params, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = :" + name);
            params.addValue(name, value);
        }
    }

    /** Days in the user's zone, the last one whole. */
    private static void period(
            List<String> conditions,
            MapSqlParameterSource params,
            String column,
            String name,
            LocalDate from,
            LocalDate to,
            ZoneId zone) {
        if (from != null) {
            conditions.add(column + " >= :" + name + "From");
            params.addValue(name + "From", utc(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            conditions.add(column + " < :" + name + "To");
            params.addValue(name + "To", utc(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }

    /** The newest first unless asked otherwise; the id last makes the order total, so paging neither skips nor repeats. */
    private static String orderBy(Sort sort) {
        List<String> order = new ArrayList<>();
        for (Sort.Order o : sort.isSorted() ? sort : Sort.by(Sort.Order.desc("openedAt"))) {
            String column = SORTABLE.get(o.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Cannot sort the case list by " + o.getProperty());
            }
            order.add(column + (o.isDescending() ? " desc" : ""));
        }
        // in the last column's direction: newest first then reads the (opened_at, id) index backwards, no sort
        boolean descending = (sort.isSorted() ? sort : Sort.by(Sort.Order.desc("openedAt")))
                .stream()
                        .reduce((first, second) -> second)
                        .map(Sort.Order::isDescending)
                        .orElse(false);
        order.add("c.id" + (descending ? " desc" : ""));
        return " order by " + String.join(", ", order);
    }

    private static CaseRow row(ResultSet rs, int rowNum) throws SQLException {
        String closedAs = rs.getString("closed_as");
        boolean closed = "CLOSED".equals(rs.getString("status"));
        Instant nextDue = instant(rs, "next_due");
        CaseState state;
        if (closed) {
            state = CaseState.CLOSED;
        } else if (nextDue != null || rs.getString("holder") != null) {
            state = CaseState.TO_DO;
        } else if (rs.getString("improvement_action_id") != null && rs.getObject("resolved_at") != null) {
            state = CaseState.WAITING_FOR_FIX;
        } else {
            state = CaseState.WAITING_FOR_REPLY;
        }
        return new CaseRow(
                UUID.fromString(rs.getString("id").strip()),
                state,
                closedAs == null ? null : CaseOutcome.valueOf(closedAs),
                rs.getString("customer_external_id"),
                rs.getString("customer_name"),
                rs.getString("customer_email"),
                rs.getString("customer_phone"),
                rs.getInt("score"),
                Segment.valueOf(rs.getString("segment")),
                rs.getString("comment"),
                rs.getString("region"),
                rs.getString("product"),
                rs.getString("holder"),
                nextDue,
                instant(rs, "opened_at"),
                instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
