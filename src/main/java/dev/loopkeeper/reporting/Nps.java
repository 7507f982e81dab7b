package dev.loopkeeper.reporting;

/**
 * A net promoter score with what it can and cannot say: the share of promoters minus the share of detractors, in
 * points (−100 to 100), and its 95 % margin of error. Each response is a draw of +1 (promoter), 0 (passive) or −1
 * (detractor); with shares p and d the variance of one draw is {@code p + d − (p − d)²}, so the margin is
 * {@code 1.96 · √(variance / n)}, times 100 for points.
 */
public record Nps(long promoters, long passives, long detractors) {

    /** Fewer responses than this and the score moves too much by chance to compare. */
    public static final int SMALLEST_COMPARABLE = 30;

    private static final double Z95 = 1.96;

    public static final Nps NONE = new Nps(0, 0, 0);

    /** Both together: the figure of two periods or segments as one. */
    public Nps plus(Nps other) {
        return new Nps(promoters + other.promoters, passives + other.passives, detractors + other.detractors);
    }

    public long responses() {
        return promoters + passives + detractors;
    }

    /** The score in points, or 0 without responses. */
    public double score() {
        long n = responses();
        return n == 0 ? 0 : 100.0 * (promoters - detractors) / n;
    }

    /** The variance of one response's +1/0/−1. */
    double variance() {
        long n = responses();
        if (n == 0) {
            return 0;
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        return p + d - (p - d) * (p - d);
    }

    /** ± this many points around {@link #score()} holds the true score with 95 % confidence. */
    public double marginOfError() {
        long n = responses();
        return n == 0 ? 0 : 100 * Z95 * Math.sqrt(variance() / n);
    }

    public boolean tooSmallToCompare() {
        return responses() < SMALLEST_COMPARABLE;
    }

    /**
     * How {@code later} differs from this: a two-sample z-test on the difference of the scores, with the variance
     * of each. Not significant when either has too few responses.
     */
    public Change changeTo(Nps later) {
        double difference = later.score() - score();
        if (tooSmallToCompare() || later.tooSmallToCompare()) {
            return new Change(difference, Double.NaN, false, true);
        }
        double standardError = 100 * Math.sqrt(variance() / responses() + later.variance() / later.responses());
        double z = standardError == 0 ? (difference == 0 ? 0 : Double.POSITIVE_INFINITY) : difference / standardError;
        return new Change(difference, z, Math.abs(z) > Z95, false);
    }

    /**
     * @param points      later minus earlier, in NPS points
     * @param z           the difference in standard errors (NaN when too small)
     * @param significant beyond chance at 95 %
     * @param tooSmall    one side has fewer than {@value #SMALLEST_COMPARABLE} responses
     */
    public record Change(double points, double z, boolean significant, boolean tooSmall) {

        public String verdict() {
            if (tooSmall) {
                return "too small to compare";
            }
            return significant ? (points > 0 ? "significant rise" : "significant fall") : "within chance";
        }
    }
}
