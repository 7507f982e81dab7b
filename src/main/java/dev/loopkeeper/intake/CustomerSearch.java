package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.persistence.SearchText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers found by name, external id, email or phone (the search column of {@code customer}), paged in SQL, and
 * the one customer a phone system asks about when they call.
 */
@Service
@Transactional(readOnly = true)
public class CustomerSearch {

    /** Sortable columns, by {@link CustomerProfile} field. */
    public static final Map<String, String> SORTABLE = Map.of(
            "name", "c.name",
            "externalId", "c.external_id",
            "since", "c.created_at",
            "lifetimeValue", "c.lifetime_value");

    private static final String COLUMNS = """
            select c.id, c.external_id, c.name, c.email, c.phone, c.preferred_channel, c.tier, c.lifetime_value,
                   c.created_at,
                   (select count(*) from feedback_response r where r.customer_id = c.id) responses,
                   (select r.score from feedback_response r where r.customer_id = c.id
                        order by r.responded_at desc, r.id limit 1) latest_score,
                   (select max(r.responded_at) from feedback_response r where r.customer_id = c.id) latest_at
            from customer c""";

    private final NamedParameterJdbcTemplate db;
    private final SearchText search;

    CustomerSearch(NamedParameterJdbcTemplate db, SearchText search) {
        this.db = db;
        this.search = search;
    }

    public List<CustomerProfile> page(String text, Pageable page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        return db.query(
                COLUMNS + where(text, params) + orderBy(page.getSort()) + " limit :limit offset :offset",
                params,
                CustomerSearch::profile);
    }

    public long count(String text) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = db.queryForObject("select count(*) from customer c" + where(text, params), params, Long.class);
        return count == null ? 0 : count;
    }

    /** How many customers the audience holds: the figure a survey run shows before it is sent. */
    public long count(CustomerAudience audience) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = db.queryForObject("select count(*) from customer c" + where(audience, params), params, Long.class);
        return count == null ? 0 : count;
    }

    /** The customers of the audience, oldest first, at most {@code limit} of them. */
    public List<CustomerProfile> members(CustomerAudience audience, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        return db.query(
                COLUMNS + where(audience, params) + " order by c.created_at, c.id limit :limit",
                params,
                CustomerSearch::profile);
    }

    private static String where(CustomerAudience audience, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" where (c.email is not null or c.phone is not null)");
        if (audience.latestSegment() != null) {
            // the latest response, as the profile's latest_score picks it
            where.append(" and (select r.segment from feedback_response r where r.customer_id = c.id"
                    + " order by r.responded_at desc, r.id limit 1) = :segment");
            params.addValue("segment", audience.latestSegment().name());
        }
        if (audience.tier() != null) {
            where.append(" and lower(c.tier) = lower(:tier)");
            params.addValue("tier", audience.tier());
        }
        if (audience.region() != null) {
            where.append(" and exists (select 1 from feedback_response r join response_property p"
                    + " on p.response_id = r.id where r.customer_id = c.id and p.prop_name = 'region'"
                    + " and lower(p.prop_value) = lower(:region))");
            params.addValue("region", audience.region());
        }
        if (audience.noResponseSince() != null) {
            where.append(" and not exists (select 1 from feedback_response r where r.customer_id = c.id"
                    + " and r.responded_at >= :since)");
            params.addValue("since", LocalDateTime.ofInstant(audience.noResponseSince(), ZoneOffset.UTC));
        }
        return where.toString();
    }

    public Optional<CustomerProfile> find(UUID id) {
        return one("c.id = :id", new MapSqlParameterSource("id", id.toString()));
    }

    public Optional<CustomerProfile> byExternalId(String externalId) {
        return one("c.external_id = :externalId", new MapSqlParameterSource("externalId", externalId));
    }

    public Optional<CustomerProfile> byEmail(String email) {
        return one("lower(c.email) = lower(:email)", new MapSqlParameterSource("email", email.strip()));
    }

    /**
     * The customer with this phone number, however it is written: the same last eight digits (so "+44 20 7946 0018"
     * and "020 7946 0018" are one number). The most recently seen customer if several share it.
     */
    public Optional<CustomerProfile> byPhone(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 3) {
            return Optional.empty();
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String found = search.matching("c.search_text", digits, "phone", params);
        List<CustomerProfile> candidates = db.query(
                COLUMNS + " where " + found + " order by c.updated_at desc limit 20", params, CustomerSearch::profile);
        String tail = tail(digits);
        return candidates.stream()
                .filter(c -> c.phone() != null
                        && tail(c.phone().replaceAll("[^0-9]", "")).equals(tail))
                .findFirst();
    }

    private static String tail(String digits) {
        return digits.length() > 8 ? digits.substring(digits.length() - 8) : digits;
    }

    private Optional<CustomerProfile> one(String condition, MapSqlParameterSource params) {
        return db.query(COLUMNS + " where " + condition, params, CustomerSearch::profile).stream()
                .findFirst();
    }

    private String where(String text, MapSqlParameterSource params) {
        String condition = search.matching("c.search_text", text, "text", params);
        return condition.isEmpty() ? "" : " where " + condition;
    }

    private static String orderBy(Sort sort) {
        StringBuilder order = new StringBuilder(" order by ");
        for (Sort.Order o : sort.isSorted() ? sort : Sort.by("name")) {
            String column = SORTABLE.get(o.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Cannot sort customers by " + o.getProperty());
            }
            order.append(column).append(o.isDescending() ? " desc" : "").append(", ");
        }
        return order.append("c.id").toString();
    }

    private static CustomerProfile profile(ResultSet rs, int row) throws SQLException {
        String channel = rs.getString("preferred_channel");
        int latest = rs.getInt("latest_score");
        Integer latestScore = rs.wasNull() ? null : latest;
        return new CustomerProfile(
                UUID.fromString(rs.getString("id").strip()),
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                channel == null ? null : Channel.valueOf(channel),
                rs.getString("tier"),
                rs.getBigDecimal("lifetime_value"),
                instant(rs, "created_at"),
                rs.getInt("responses"),
                latestScore,
                instant(rs, "latest_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
