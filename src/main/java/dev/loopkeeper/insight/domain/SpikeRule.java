package dev.loopkeeper.insight.domain;

import java.util.List;

/**
 * When a theme is above its usual range: its mentions in the last 7 days exceed the mean plus {@code k} standard
 * deviations of its mentions in each of the {@code weeks} 7-day windows before, and are at least {@code minimum}
 * (so that 3 mentions after weeks of none are no spike). The standard deviation is the population one.
 */
public record SpikeRule(int weeks, double k, int minimum) {

    /** The verdict with the figures behind it. */
    public record Verdict(int mentions, double mean, double sd, double threshold, boolean spike) {}

    public SpikeRule {
        if (weeks < 2 || k <= 0 || minimum < 1) {
            throw new IllegalArgumentException("A spike rule needs 2 weeks or more, k > 0 and a minimum of 1 or more");
        }
    }

    /**
     * @param thisWeek mentions in the last 7 days
     * @param before   mentions in each of the {@code weeks} windows before, most recent first
     */
    public Verdict judge(int thisWeek, List<Integer> before) {
        double mean = before.stream().mapToInt(Integer::intValue).average().orElse(0);
        double variance = before.stream()
                .mapToDouble(n -> (n - mean) * (n - mean))
                .average()
                .orElse(0);
        double sd = Math.sqrt(variance);
        double threshold = mean + k * sd;
        return new Verdict(thisWeek, mean, sd, threshold, thisWeek >= minimum && thisWeek > threshold);
    }

    /** The rule in words, for the screen and the alert. */
    public String describe() {
        return "mentions in the last 7 days above the mean + " + (k == Math.rint(k) ? String.valueOf((int) k) : k)
                + " standard deviations of the " + weeks + " weeks before, and at least " + minimum;
    }
}
