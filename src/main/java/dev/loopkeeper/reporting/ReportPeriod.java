package dev.loopkeeper.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Whole days from {@code first} to {@code last} (inclusive) in a user's zone, cut into weeks, months or quarters of
 * that zone. The database gets the bucket bounds as UTC instants the Java side computed (daylight saving included),
 * so the same statement groups by them on H2 and MariaDB without either knowing the zone.
 */
public record ReportPeriod(LocalDate first, LocalDate last, ZoneId zone, Granularity granularity) {

    /** How a period is cut into buckets. Weeks start on Monday. */
    public enum Granularity {
        WEEK,
        MONTH,
        QUARTER;

        LocalDate startOf(LocalDate day) {
            return switch (this) {
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
                case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            };
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
                case QUARTER -> start.plusMonths(3);
            };
        }

        String label(LocalDate start) {
            return switch (this) {
                case WEEK -> "w/c " + start;
                case MONTH -> start.format(DateTimeFormatter.ofPattern("yyyy-MM"));
                case QUARTER -> start.getYear() + " Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            };
        }
    }

    /** One bucket: its days (last inclusive, as the case list's date filters take them) and its instants. */
    public record Bucket(String label, LocalDate first, LocalDate last, Instant from, Instant to) {}

    public ReportPeriod {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A period ends on or after its first day: " + first + " to " + last);
        }
    }

    /** The last {@code count} buckets up to and including the one {@code today} falls in. */
    public static ReportPeriod last(int count, Granularity granularity, LocalDate today, ZoneId zone) {
        LocalDate start = granularity.startOf(today);
        for (int i = 1; i < count; i++) {
            start = granularity.startOf(start.minusDays(1));
        }
        return new ReportPeriod(
                start, granularity.next(granularity.startOf(today)).minusDays(1), zone, granularity);
    }

    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    public Instant to() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The buckets, in order; the first and last are cut to the period's own days. */
    public List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        for (LocalDate start = granularity.startOf(first); !start.isAfter(last); start = granularity.next(start)) {
            LocalDate from = start.isBefore(first) ? first : start;
            LocalDate end = granularity.next(start).minusDays(1);
            LocalDate to = end.isAfter(last) ? last : end;
            buckets.add(new Bucket(
                    granularity.label(start),
                    from,
                    to,
                    from.atStartOfDay(zone).toInstant(),
                    to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return buckets;
    }

    /** The same length of time right before this one, cut the same way: what a change is measured against. */
    public ReportPeriod previous() {
        long days = last.toEpochDay() - first.toEpochDay();
        return new ReportPeriod(first.minusDays(days + 1), first.minusDays(1), zone, granularity);
    }

    /**
     * SQL that numbers the bucket a time column falls in (0, 1, …), for rows already limited to the period; adds
     * {@code :from}, {@code :to} and the bounds to the parameters.
     */
    String bucketOf(String column, MapSqlParameterSource params) {
        params.addValue("from", utc(from())).addValue("to", utc(to()));
        List<Bucket> buckets = buckets();
        if (buckets.size() == 1) {
            return "0";
        }
        StringBuilder sql = new StringBuilder("case");
        for (int i = 0; i < buckets.size() - 1; i++) {
            params.addValue("bucketEnd" + i, utc(buckets.get(i).to()));
            sql.append(" when ")
                    .append(column)
                    .append(" < :bucketEnd")
                    .append(i)
                    .append(" then ")
                    .append(i);
        }
        return sql.append(" else ").append(buckets.size() - 1).append(" end").toString();
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
