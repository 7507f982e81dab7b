package dev.loopkeeper.reporting;

import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * NPS over time from every response stored (history imports too), bucket by bucket, overall or per value of a
 * {@link Dimension}: summed from the responses' counts per hour and day ({@link ReportCounts}); by the customer's
 * tier, or in a zone whose midnight is not a whole UTC hour, one grouped statement over the period's responses.
 */
@Service
@Transactional(readOnly = true)
public class NpsTrend {

    /**
     * NPS of one bucket, for one value of a dimension (empty: none given; overall: empty too).
     */
    public record Point(ReportPeriod.Bucket bucket, String value, Nps nps) {}

    private final NamedParameterJdbcTemplate db;
    private final ReportCounts counts;

    /** @param counts null: every figure from the responses themselves (what the tests hold the counts to) */
    NpsTrend(NamedParameterJdbcTemplate db, ReportCounts counts) {
        this.db = db;
        this.counts = counts;
    }

    /** Every bucket of the period, an empty one included. */
    public List<Point> overall(ReportPeriod period) {
        Map<Integer, Nps> found = new LinkedHashMap<>();
        grouped(period, null).forEach(row -> found.put(row.bucket, row.nps));
        List<ReportPeriod.Bucket> buckets = period.buckets();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            points.add(new Point(buckets.get(i), "", found.getOrDefault(i, Nps.NONE)));
        }
        return points;
    }

    /** The buckets per value of the dimension that has responses in them, by bucket then value. */
    public List<Point> by(ReportPeriod period, Dimension dimension) {
        List<ReportPeriod.Bucket> buckets = period.buckets();
        return grouped(period, dimension).stream()
                .map(row -> new Point(buckets.get(row.bucket), row.value, row.nps))
                .toList();
    }

    /** The whole period as one figure. */
    public Nps of(ReportPeriod period) {
        Optional<Counts> counted = counts == null ? Optional.empty() : counts.whole(Kind.RESPONSES, "", period);
        if (counted.isPresent()) {
            return nps(counted.get(), ResponseCounter.NPS + "|");
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", ReportPeriod.utc(period.from()))
                .addValue("to", ReportPeriod.utc(period.to()));
        return db.queryForObject(
                "select " + COUNTS + " from feedback_response r where r.responded_at >= :from and r.responded_at < :to",
                params,
                (rs, n) -> new Nps(rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors")));
    }

    /** The period against the same length of time before it. */
    public Nps.Change change(ReportPeriod period) {
        return of(period.previous()).changeTo(of(period));
    }

    private static final String COUNTS = """
            coalesce(sum(case when r.segment = 'PROMOTER' then 1 else 0 end), 0) as promoters,
            coalesce(sum(case when r.segment = 'PASSIVE' then 1 else 0 end), 0) as passives,
            coalesce(sum(case when r.segment = 'DETRACTOR' then 1 else 0 end), 0) as detractors""";

    private record Row(int bucket, String value, Nps nps) {}

    private static Nps nps(Counts counts, String prefix) {
        return new Nps(
                counts.get(prefix + Segment.PROMOTER.name()),
                counts.get(prefix + Segment.PASSIVE.name()),
                counts.get(prefix + Segment.DETRACTOR.name()));
    }

    private List<Row> grouped(ReportPeriod period, Dimension dimension) {
        if (counts != null && dimension != Dimension.TIER) {
            Optional<List<Counts>> counted = counts.of(Kind.RESPONSES, "", period);
            if (counted.isPresent()) {
                return grouped(counted.get(), dimension);
            }
        }
        return direct(period, dimension);
    }

    // The rows of each bucket's counts, by value (a response without the property under '').
    private static List<Row> grouped(List<Counts> buckets, Dimension dimension) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Counts bucket = buckets.get(i);
            if (dimension == null) {
                Nps overall = nps(bucket, ResponseCounter.NPS + "|");
                if (overall.responses() > 0) {
                    rows.add(new Row(i, "", overall));
                }
                continue;
            }
            String prefix = dimension == Dimension.TOUCHPOINT
                    ? ResponseCounter.TOUCHPOINT + "|"
                    : Counts.key(ResponseCounter.PROPERTY, dimension.property()) + "|";
            Map<String, Counts> byValue = new TreeMap<>(VALUE_ORDER);
            bucket.each(prefix, (rest, n) -> {
                int bar = rest.lastIndexOf('|');
                String value = Counts.part(rest.substring(0, bar));
                byValue.computeIfAbsent(value, v -> new Counts()).add(rest.substring(bar + 1), n);
            });
            if (dimension != Dimension.TOUCHPOINT) {
                Counts without = new Counts();
                for (Segment s : Segment.values()) {
                    long with = byValue.values().stream()
                            .mapToLong(c -> c.get(s.name()))
                            .sum();
                    without.add(s.name(), bucket.get(ResponseCounter.NPS + "|" + s.name()) - with);
                }
                if (!without.isEmpty()) {
                    byValue.computeIfAbsent("", v -> new Counts()).add(without);
                }
            }
            int index = i;
            byValue.forEach((value, c) -> {
                Nps nps = nps(c, "");
                if (nps.responses() > 0) {
                    rows.add(new Row(index, value, nps));
                }
            });
        }
        return rows;
    }

    /** As a database's case-insensitive collation sorts, ties broken by the exact text. */
    private static final Comparator<String> VALUE_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private List<Row> direct(ReportPeriod period, Dimension dimension) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String bucket = period.bucketOf("r.responded_at", params);
        String value;
        String join;
        if (dimension == null) {
            value = "''";
            join = "";
        } else {
            switch (dimension) {
                case TOUCHPOINT -> {
                    value = "coalesce(r.touchpoint, '')";
                    join = "";
                }
                case TIER -> {
                    value = "coalesce(cu.tier, '')";
                    join = " join customer cu on cu.id = r.customer_id";
                }
                default -> {
                    value = "coalesce(p.prop_value, '')";
                    join = " left join response_property p on p.response_id = r.id and p.prop_name = :property";
                    params.addValue("property", dimension.property());
                }
            }
        }
        return db.query(
                "select bucket, dim as dim, " + COUNTS.replace("r.segment", "segment")
                        + " from (select " + bucket + " as bucket, " + value + " as dim, r.segment as segment"
                        + " from feedback_response r" + join
                        + " where r.responded_at >= :from and r.responded_at < :to) x"
                        + " group by bucket, dim order by bucket, dim",
                params,
                (rs, n) -> new Row(
                        rs.getInt("bucket"),
                        rs.getString("dim"),
                        new Nps(rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors"))));
    }
}
