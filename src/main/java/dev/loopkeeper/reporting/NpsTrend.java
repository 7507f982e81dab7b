package dev.loopkeeper.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * NPS over time from every response stored (history imports too), bucket by bucket, overall or per value of a
 * {@link Dimension}: one grouped statement each, counted by the database over the period's range of
 * {@code responded_at}.
 */
@Service
@Transactional(readOnly = true)
public class NpsTrend {

    /**
     * NPS of one bucket, for one value of a dimension (empty: none given; overall: empty too).
     */
    public record Point(ReportPeriod.Bucket bucket, String value, Nps nps) {}

    private final NamedParameterJdbcTemplate db;

    NpsTrend(NamedParameterJdbcTemplate db) {
        this.db = db;
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

    private List<Row> grouped(ReportPeriod period, Dimension dimension) {
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
