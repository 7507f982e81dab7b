package dev.loopkeeper.reporting;

import dev.loopkeeper.sharedkernel.RevenueAtRisk;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revenue at risk and protected, bucket by bucket. At risk: the customers who answered in the bucket, each once per
 * segment they answered in, weighted by lifetime value × churn probability of that segment. Protected: detractors
 * whose re-survey (answered in the bucket) came back passive or promoter, weighted by lifetime value × the churn
 * probability they shed (detractor's minus the new segment's).
 */
@Service
@Transactional(readOnly = true)
public class RevenueProtection {

    /**
     * One bucket's figures.
     *
     * @param customers customers who answered, per segment
     * @param atRisk    per segment
     * @param recovered detractors who came back passive or promoter
     */
    public record Point(
            ReportPeriod.Bucket bucket,
            Map<Segment, Long> customers,
            Map<Segment, BigDecimal> atRisk,
            long recovered,
            BigDecimal protectedRevenue) {

        public BigDecimal totalAtRisk() {
            return atRisk.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final NamedParameterJdbcTemplate db;
    private final RevenueAtRisk risk;
    private final ReportSettings settings;
    private final ReportCounts counts;

    /** @param counts null: at risk counted from the rows themselves (what the tests hold the counts to) */
    RevenueProtection(NamedParameterJdbcTemplate db, RevenueAtRisk risk, ReportSettings settings, ReportCounts counts) {
        this.db = db;
        this.risk = risk;
        this.settings = settings;
        this.counts = counts;
    }

    /** The formula with the figures in force, for the screen and the monthly report. */
    public String formula() {
        return risk.describe() + ". A customer without a lifetime value counts "
                + settings.averageLifetimeValue().stripTrailingZeros().toPlainString()
                + ". Protected = Σ over detractors whose re-survey came back passive or promoter of lifetime value × "
                + "(churn probability of a detractor − that of their new segment).";
    }

    /** At risk per bucket and segment from the responses themselves. */
    private void fromRows(
            ReportPeriod period, List<Map<Segment, Long>> customers, List<Map<Segment, BigDecimal>> atRisk) {
        MapSqlParameterSource params = new MapSqlParameterSource("average", settings.averageLifetimeValue());
        String bucket = period.bucketOf("r.responded_at", params);
        db.query(
                "select x.bucket, x.segment, count(*) as customers,"
                        + " sum(coalesce(cu.lifetime_value, :average)) as ltv from (select distinct " + bucket
                        + " as bucket, r.segment as segment, r.customer_id as customer from feedback_response r"
                        + " where r.responded_at >= :from and r.responded_at < :to) x"
                        + " join customer cu on cu.id = x.customer group by x.bucket, x.segment",
                params,
                rs -> {
                    int i = rs.getInt("bucket");
                    Segment s = Segment.valueOf(rs.getString("segment"));
                    customers.get(i).put(s, rs.getLong("customers"));
                    atRisk.get(i).put(s, risk.of(rs.getBigDecimal("ltv"), s));
                });
    }

    /**
     * At risk per bucket and segment from the counts ({@link RevenueCounter}): a response counts when the customer's
     * previous one in its segment came before the bucket. False when they cannot say (a bound off whole UTC hours, a
     * bucket longer than the look back).
     */
    private boolean fromCounts(
            ReportPeriod period, List<Map<Segment, Long>> customers, List<Map<Segment, BigDecimal>> atRisk) {
        List<ReportPeriod.Bucket> buckets = period.buckets();
        if (counts == null
                || buckets.stream()
                        .anyMatch(b -> Duration.between(b.from(), b.to()).compareTo(RevenueCounter.RECENT) >= 0)) {
            return false;
        }
        Optional<List<Counts>> counted = counts.of(Kind.REVENUE, "", period);
        if (counted.isEmpty()) {
            return false;
        }
        BigDecimal average = settings.averageLifetimeValue();
        for (int i = 0; i < buckets.size(); i++) {
            long start = ReportCounts.hourOf(buckets.get(i).from());
            Map<Segment, long[]> sums = new EnumMap<>(Segment.class);
            counted.get().get(i).each("", (key, n) -> {
                String[] parts = key.split("\\|", -1);
                String before = Counts.part(parts[2]);
                if (before.equals(RevenueCounter.NONE) || Long.parseLong(before) < start) {
                    long[] sum = sums.computeIfAbsent(Segment.valueOf(parts[1]), x -> new long[3]);
                    sum[
                            switch (parts[0]) {
                                case "n" -> 0;
                                case "cents" -> 1;
                                default -> 2;
                            }] += n;
                }
            });
            int bucket = i;
            sums.forEach((segment, sum) -> {
                customers.get(bucket).put(segment, sum[0]);
                BigDecimal ltv = Counts.lifetimeValue(sum[1], sum[2], average);
                atRisk.get(bucket).put(segment, risk.of(ltv, segment));
            });
        }
        return true;
    }

    /** Revenue protected per bucket from the re-surveys themselves. */
    private void protectedFromRows(ReportPeriod period, long[] recovered, BigDecimal[] kept) {
        MapSqlParameterSource back = new MapSqlParameterSource("average", settings.averageLifetimeValue());
        String answered = period.bucketOf("i.answered_at", back);
        db.query(
                "select bucket, promoter, count(*) as n, sum(ltv) as ltv from (select " + answered + " as bucket,"
                        + " case when i.score >= 9 then 1 else 0 end as promoter,"
                        + " coalesce(cu.lifetime_value, :average) as ltv from survey_invitation i"
                        + " left join customer cu on cu.external_id = i.customer_external_id"
                        + " where i.status = 'ANSWERED' and i.follows_case_id is not null and i.follows_score <= 6"
                        + " and i.score >= 7 and i.answered_at >= :from and i.answered_at < :to) x"
                        + " group by bucket, promoter",
                back,
                rs -> {
                    int i = rs.getInt("bucket");
                    Segment now = rs.getInt("promoter") == 1 ? Segment.PROMOTER : Segment.PASSIVE;
                    BigDecimal ltv = rs.getBigDecimal("ltv");
                    recovered[i] += rs.getLong("n");
                    kept[i] = kept[i].add(risk.of(ltv, Segment.DETRACTOR).subtract(risk.of(ltv, now)))
                            .setScale(2, RoundingMode.HALF_UP);
                });
    }

    /** Revenue protected per bucket from the counts ({@link ResurveyCounter}); false when they cannot say. */
    private boolean protectedFromCounts(ReportPeriod period, long[] recovered, BigDecimal[] kept) {
        Optional<List<Counts>> counted = counts == null ? Optional.empty() : counts.of(Kind.RESURVEYS, "", period);
        if (counted.isEmpty()) {
            return false;
        }
        BigDecimal average = settings.averageLifetimeValue();
        for (int i = 0; i < kept.length; i++) {
            Counts bucket = counted.get().get(i);
            for (Segment now : List.of(Segment.PASSIVE, Segment.PROMOTER)) {
                long n = bucket.get(Counts.key("n", now.name()));
                if (n == 0) {
                    continue;
                }
                BigDecimal ltv = Counts.lifetimeValue(
                        bucket.get(Counts.key("cents", now.name())),
                        bucket.get(Counts.key("unknown", now.name())),
                        average);
                recovered[i] += n;
                kept[i] = kept[i].add(risk.of(ltv, Segment.DETRACTOR).subtract(risk.of(ltv, now)))
                        .setScale(2, RoundingMode.HALF_UP);
            }
        }
        return true;
    }

    public List<Point> of(ReportPeriod period) {
        List<ReportPeriod.Bucket> buckets = period.buckets();
        List<Map<Segment, Long>> customers = new ArrayList<>();
        List<Map<Segment, BigDecimal>> atRisk = new ArrayList<>();
        long[] recovered = new long[buckets.size()];
        BigDecimal[] kept = new BigDecimal[buckets.size()];
        for (int i = 0; i < buckets.size(); i++) {
            customers.add(new EnumMap<>(Segment.class));
            atRisk.add(new EnumMap<>(Segment.class));
            kept[i] = BigDecimal.ZERO.setScale(2);
            for (Segment s : Segment.values()) {
                customers.get(i).put(s, 0L);
                atRisk.get(i).put(s, BigDecimal.ZERO.setScale(2));
            }
        }
        if (!fromCounts(period, customers, atRisk)) {
            fromRows(period, customers, atRisk);
        }
        if (!protectedFromCounts(period, recovered, kept)) {
            protectedFromRows(period, recovered, kept);
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            points.add(new Point(buckets.get(i), customers.get(i), atRisk.get(i), recovered[i], kept[i]));
        }
        return points;
    }
}
