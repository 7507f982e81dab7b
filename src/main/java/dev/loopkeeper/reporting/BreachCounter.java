package dev.loopkeeper.reporting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The SLA breaches per hour they happened, company-wide, per group the task was offered to and step:
 * {@code breach|group|step}. A group's scope sums its own.
 */
final class BreachCounter implements ReportCounts.Counter {

    static final String BREACH = "breach";

    private final NamedParameterJdbcTemplate db;

    BreachCounter(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    @Override
    public Map<String, Map<Long, Counts>> count(Instant from, Instant to) {
        Map<Long, Counts> hours = new HashMap<>();
        db.query(
                "select b.breached_at as at, b.candidate_group as grp, b.activity_id as step from sla_breach b"
                        + " where b.breached_at >= :from and b.breached_at < :to",
                new MapSqlParameterSource("from", ResponseCounter.utc(from)).addValue("to", ResponseCounter.utc(to)),
                rs -> {
                    Instant at = rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    hours.computeIfAbsent(ReportCounts.hourOf(at), h -> new Counts())
                            .add(Counts.key(BREACH, rs.getString("grp"), rs.getString("step")), 1);
                });
        return hours.isEmpty() ? Map.of() : Map.of("", hours);
    }
}
