package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Segment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the loop closes, for a period: aggregates the database computes over the cases, never a list of
 * cases loaded into memory.
 */
@Service
@Transactional(readOnly = true)
public class CaseMetrics {

    /**
     * The loop over cases opened in a period.
     *
     * @param dueOrContacted  cases whose SLA has passed or that were contacted: the ones "within SLA" can be judged on
     * @param contactedInTime of those, reached by the due time the SLA started with
     */
    public record Period(
            long opened,
            long dueOrContacted,
            long contactedInTime,
            Map<Segment, Duration> medianTimeToContact,
            long unreachable,
            long closed) {

        /** Share of the judged cases reached in time, 0–100, or null when there is nothing to judge yet. */
        public Double withinSlaPercent() {
            return dueOrContacted == 0 ? null : 100.0 * contactedInTime / dueOrContacted;
        }
    }

    /**
     * The cases of one touchpoint opened in a period, with their net promoter score.
     *
     * @param touchpoint empty for responses that named none
     */
    public record Touchpoint(String touchpoint, long cases, long promoters, long detractors) {

        /** Promoters' share minus detractors', in points from -100 to 100. */
        public double nps() {
            return cases == 0 ? 0 : 100.0 * (promoters - detractors) / cases;
        }
    }

    /** The remedies of one kind agents gave in a period: how many, and their amounts together. */
    public record Remedies(String type, long given, BigDecimal total) {}

    private final NamedParameterJdbcTemplate db;
    private final Clock clock;

    CaseMetrics(NamedParameterJdbcTemplate db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Period between(Instant from, Instant to) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", utc(from))
                .addValue("to", utc(to))
                .addValue("now", utc(clock.instant()));
        Map<String, Object> counts = db.queryForMap("""
                select
                  count(*) as opened,
                  sum(case when first_contact_at is not null or sla_due_at < :now then 1 else 0 end) as judged,
                  sum(case when first_contact_at <= sla_due_at then 1 else 0 end) as in_time
                from follow_up_case where opened_at >= :from and opened_at < :to
                """, params);
        Map<String, Object> ends = db.queryForMap("""
                select
                  sum(case when closed_as = 'UNREACHABLE' then 1 else 0 end) as unreachable,
                  count(*) as closed
                from follow_up_case where closed_at >= :from and closed_at < :to
                """, params);
        Map<Segment, Duration> medians = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
            median(params, segment).ifPresent(m -> medians.put(segment, m));
        }
        return new Period(
                number(counts.get("opened")),
                number(counts.get("judged")),
                number(counts.get("in_time")),
                medians,
                number(ends.get("unreachable")),
                number(ends.get("closed")));
    }

    /** Cases opened in the period by the touchpoint their response came from, the most frequent first. */
    public List<Touchpoint> byTouchpoint(Instant from, Instant to) {
        return db.query(
                """
                select coalesce(touchpoint, '') as touchpoint, count(*) as cases,
                  sum(case when segment = 'PROMOTER' then 1 else 0 end) as promoters,
                  sum(case when segment = 'DETRACTOR' then 1 else 0 end) as detractors
                from follow_up_case where opened_at >= :from and opened_at < :to
                group by coalesce(touchpoint, '') order by count(*) desc, coalesce(touchpoint, '')
                """,
                new MapSqlParameterSource("from", utc(from)).addValue("to", utc(to)),
                (rs, n) -> new Touchpoint(
                        rs.getString("touchpoint"),
                        rs.getLong("cases"),
                        rs.getLong("promoters"),
                        rs.getLong("detractors")));
    }

    /** The remedies given at contact attempts in the period, by kind. */
    public List<Remedies> remedies(Instant from, Instant to) {
        return db.query(
                """
                select remedy_type, count(*) as given, sum(remedy_amount) as total from contact_attempt
                where attempted_at >= :from and attempted_at < :to and remedy_type is not null
                group by remedy_type order by remedy_type
                """,
                new MapSqlParameterSource("from", utc(from)).addValue("to", utc(to)),
                (rs, n) -> new Remedies(rs.getString("remedy_type"), rs.getLong("given"), rs.getBigDecimal("total")));
    }

    /** The middle of the sorted times to first contact: the count, then the one row at its half. */
    private Optional<Duration> median(MapSqlParameterSource params, Segment segment) {
        params.addValue("segment", segment.name());
        String reached = " from follow_up_case where opened_at >= :from and opened_at < :to and segment = :segment "
                + "and first_contact_at is not null";
        Long count = db.queryForObject("select count(*)" + reached, params, Long.class);
        if (count == null || count == 0) {
            return Optional.empty();
        }
        params.addValue("middle", count / 2);
        List<Long> seconds = db.queryForList(
                "select timestampdiff(second, opened_at, first_contact_at) as s" + reached
                        + " order by s limit 1 offset :middle",
                params,
                Long.class);
        return seconds.stream().findFirst().map(Duration::ofSeconds);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
