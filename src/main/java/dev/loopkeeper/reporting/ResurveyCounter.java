package dev.loopkeeper.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Revenue protected, per hour a re-survey was answered: the detractors whose re-survey came back passive or
 * promoter, per new segment, as {@code n}, {@code cents} of the lifetime values known and {@code unknown} customers
 * without one (the average is applied on reading). Lifetime values as of the count: {@link ReportCounts} counts the
 * days of changed customers again.
 */
final class ResurveyCounter implements ReportCounts.Counter {

    private final NamedParameterJdbcTemplate db;

    ResurveyCounter(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    @Override
    public Map<String, Map<Long, Counts>> count(Instant from, Instant to) {
        Map<Long, Counts> hours = new HashMap<>();
        db.query(
                "select i.answered_at as at, i.score as score, cu.lifetime_value as ltv from survey_invitation i"
                        + " left join customer cu on cu.external_id = i.customer_external_id"
                        + " where i.status = 'ANSWERED' and i.follows_case_id is not null and i.follows_score <= 6"
                        + " and i.score >= 7 and i.answered_at >= :from and i.answered_at < :to",
                new MapSqlParameterSource("from", ResponseCounter.utc(from)).addValue("to", ResponseCounter.utc(to)),
                rs -> {
                    Instant at = rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    String segment = rs.getInt("score") >= 9 ? "PROMOTER" : "PASSIVE";
                    BigDecimal ltv = rs.getBigDecimal("ltv");
                    Counts counts = hours.computeIfAbsent(ReportCounts.hourOf(at), h -> new Counts());
                    counts.addCustomer(ltv, segment);
                });
        return hours.isEmpty() ? Map.of() : Map.of("", hours);
    }
}
