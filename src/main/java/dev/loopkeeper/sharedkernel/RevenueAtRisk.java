package dev.loopkeeper.sharedkernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Revenue at risk, the one formula every screen uses: a customer's lifetime value times the probability that a
 * customer of their NPS segment leaves ({@code loopkeeper.revenue-at-risk.churn-probability}). A group of customers
 * puts at risk the sum over its customers, each counted once.
 *
 * @param churnProbability per segment, 0 to 1; defaults: detractor 0.30, passive 0.10, promoter 0.02
 */
@ConfigurationProperties("loopkeeper.revenue-at-risk")
public record RevenueAtRisk(Map<Segment, BigDecimal> churnProbability) {

    private static final Map<Segment, BigDecimal> DEFAULTS = Map.of(
            Segment.DETRACTOR, new BigDecimal("0.30"),
            Segment.PASSIVE, new BigDecimal("0.10"),
            Segment.PROMOTER, new BigDecimal("0.02"));

    public RevenueAtRisk(@DefaultValue Map<Segment, BigDecimal> churnProbability) {
        Map<Segment, BigDecimal> merged = new EnumMap<>(DEFAULTS);
        if (churnProbability != null) {
            merged.putAll(churnProbability);
        }
        merged.forEach((segment, p) -> {
            if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("A churn probability is 0 to 1, not " + p + " for " + segment);
            }
        });
        this.churnProbability = Map.copyOf(merged);
    }

    /** What one customer puts at risk: lifetime value × churn probability of their segment (0 without a value). */
    public BigDecimal of(BigDecimal lifetimeValue, Segment segment) {
        if (lifetimeValue == null) {
            return BigDecimal.ZERO;
        }
        return lifetimeValue.multiply(churnProbability.get(segment)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The formula in words, with the probabilities in force, for the screens that show a figure of it. */
    public String describe() {
        return "Revenue at risk = Σ over the customers (each once) of lifetime value × churn probability of their "
                + "segment (detractor "
                + churnProbability.get(Segment.DETRACTOR).stripTrailingZeros().toPlainString()
                + ", passive "
                + churnProbability.get(Segment.PASSIVE).stripTrailingZeros().toPlainString()
                + ", promoter "
                + churnProbability.get(Segment.PROMOTER).stripTrailingZeros().toPlainString() + ")";
    }
}
