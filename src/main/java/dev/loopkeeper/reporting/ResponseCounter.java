package dev.loopkeeper.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The responses' counts per hour, company-wide: per segment ({@code nps|SEGMENT}), per touchpoint and segment
 * ({@code touchpoint|value|SEGMENT}) and per value of each response property NPS is segmented by and segment
 * ({@code property|name|value|SEGMENT}). A response without the property counts under '' (the overall count less
 * the property's); the customer's tier lives on the customer and is not counted here.
 */
final class ResponseCounter implements ReportCounts.Counter {

    static final String NPS = "nps";
    static final String TOUCHPOINT = "touchpoint";
    static final String PROPERTY = "property";

    private final NamedParameterJdbcTemplate db;

    ResponseCounter(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    static List<String> properties() {
        return List.of(Dimension.REGION.property(), Dimension.PRODUCT.property(), Dimension.LOCATION.property());
    }

    @Override
    public Map<String, Map<Long, Counts>> count(Instant from, Instant to) {
        Map<Long, Counts> hours = new HashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("from", utc(from))
                .addValue("to", utc(to))
                .addValue("properties", properties());
        db.query(
                "select r.responded_at as at, r.segment as segment, r.touchpoint as touchpoint, count(*) as n"
                        + " from feedback_response r where r.responded_at >= :from and r.responded_at < :to"
                        + " group by r.responded_at, r.segment, r.touchpoint",
                params,
                rs -> {
                    Counts counts = hours.computeIfAbsent(hourOf(rs), h -> new Counts());
                    String segment = rs.getString("segment");
                    long n = rs.getLong("n");
                    counts.add(Counts.key(NPS, segment), n);
                    counts.add(Counts.key(TOUCHPOINT, rs.getString("touchpoint"), segment), n);
                });
        db.query(
                "select r.responded_at as at, r.segment as segment, p.prop_name as name, p.prop_value as val,"
                        + " count(*) as n from response_property p join feedback_response r on r.id = p.response_id"
                        + " where r.responded_at >= :from and r.responded_at < :to and p.prop_name in (:properties)"
                        + " group by r.responded_at, r.segment, p.prop_name, p.prop_value",
                params,
                rs -> {
                    hours.computeIfAbsent(hourOf(rs), h -> new Counts())
                            .add(
                                    Counts.key(
                                            PROPERTY,
                                            rs.getString("name"),
                                            rs.getString("val"),
                                            rs.getString("segment")),
                                    rs.getLong("n"));
                });
        return hours.isEmpty() ? Map.of() : Map.of("", hours);
    }

    private static long hourOf(ResultSet rs) throws SQLException {
        return ReportCounts.hourOf(rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
