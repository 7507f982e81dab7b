package dev.loopkeeper.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Revenue at risk counts each customer once per segment and bucket: a distinct count, which does not add up over
 * hours. What does: a response counts for its bucket when the customer's previous response in the same segment
 * came before the bucket began. So each response is counted under the UTC hour of that previous response
 * ({@code -} for none within {@link #RECENT}, longer than any bucket), and a read adds the keys whose hour lies
 * before its bucket's start. Per segment and that hour: {@code n} responses, {@code cents} of the lifetime values
 * known, {@code unknown} customers without one (the configured average is applied on reading, so changing it
 * needs no count).
 *
 * <p>The lifetime values are those of the day's count: a customer's change is counted again by
 * {@link ReportCounts}, which marks the days of the customers changed since its last round; a response stored
 * before later ones of its customer (an import of history, a revision) marks the days after it.
 */
final class RevenueCounter implements ReportCounts.Counter {

    /** Longer than the longest bucket (a quarter): a previous response before that always lies before its bucket. */
    static final Duration RECENT = Duration.ofDays(100);

    static final String NONE = "-";

    private final NamedParameterJdbcTemplate db;

    RevenueCounter(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    @Override
    public Map<String, Map<Long, Counts>> count(Instant from, Instant to) {
        Map<Long, Counts> hours = new HashMap<>();
        // the previous response of the same customer in the same segment, ties broken by id as a total order
        db.query(
                "select r.responded_at as at, r.segment as segment, cu.lifetime_value as ltv,"
                        + " (select max(p.responded_at) from feedback_response p where p.customer_id = r.customer_id"
                        + " and p.segment = r.segment and p.responded_at >= :recent and (p.responded_at < r.responded_at"
                        + " or (p.responded_at = r.responded_at and p.id < r.id))) as previous"
                        + " from feedback_response r join customer cu on cu.id = r.customer_id"
                        + " where r.responded_at >= :from and r.responded_at < :to",
                new MapSqlParameterSource("from", ResponseCounter.utc(from))
                        .addValue("to", ResponseCounter.utc(to))
                        .addValue("recent", ResponseCounter.utc(from.minus(RECENT))),
                rs -> {
                    Instant at = instant(rs.getObject("at", LocalDateTime.class));
                    Instant previous = instant(rs.getObject("previous", LocalDateTime.class));
                    String before = previous == null || previous.isBefore(at.minus(RECENT))
                            ? NONE
                            : Long.toString(ReportCounts.hourOf(previous));
                    String segment = rs.getString("segment");
                    BigDecimal ltv = rs.getBigDecimal("ltv");
                    hours.computeIfAbsent(ReportCounts.hourOf(at), h -> new Counts())
                            .addCustomer(ltv, segment, before);
                });
        return hours.isEmpty() ? Map.of() : Map.of("", hours);
    }

    private static Instant instant(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}
