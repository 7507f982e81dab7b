package dev.loopkeeper.insight;

import dev.loopkeeper.insight.domain.ThemeRows;
import dev.loopkeeper.insight.domain.Voices;
import dev.loopkeeper.sharedkernel.RevenueAtRisk;
import dev.loopkeeper.sharedkernel.Segment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Themes by how often they are raised and what they cost, over the window ({@code loopkeeper.insight.window}): the
 * priority matrix. Three grouped queries, whatever the number of responses.
 */
@Service
@Transactional(readOnly = true)
public class ThemePriorities {

    /** Where a theme sits: above or below the median of both axes. "Fix first" is the top right. */
    public enum Quadrant {
        FIX_FIRST("Fix first"),
        WATCH("Costly, rare"),
        QUICK_LOOK("Frequent, cheap"),
        LATER("Later");

        private final String label;

        Quadrant(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One theme's weight.
     *
     * @param detractorShare of its mentions, 0 to 1
     * @param npsDrag        NPS points it costs: the NPS without the responses that raise it, minus the NPS of all
     * @param revenueAtRisk  by {@link RevenueAtRisk}, each customer who raised it once, at the lowest score they gave
     */
    public record ThemeImpact(
            UUID themeId,
            String theme,
            int mentions,
            int customers,
            double detractorShare,
            double npsDrag,
            BigDecimal revenueAtRisk,
            Quadrant quadrant) {}

    /** The matrix, the NPS it is measured against and the window. */
    public record Matrix(
            List<ThemeImpact> themes,
            Double nps,
            int responses,
            Duration window,
            double medianMentions,
            double medianDrag) {}

    private final ThemeRows themes;
    private final Voices voices;
    private final RevenueAtRisk revenueAtRisk;
    private final InsightSettings settings;
    private final Clock clock;

    ThemePriorities(
            ThemeRows themes, Voices voices, RevenueAtRisk revenueAtRisk, InsightSettings settings, Clock clock) {
        this.themes = themes;
        this.voices = voices;
        this.revenueAtRisk = revenueAtRisk;
        this.settings = settings;
        this.clock = clock;
    }

    /** How each figure is computed, for the screen. */
    public List<String> formulas() {
        return List.of(
                "Mentions: responses answered in the last " + settings.window().toDays()
                        + " days that speak of the theme (by its keywords, or as the agent decided).",
                "Detractor share: the share of those mentions that came from detractors (0–6).",
                "NPS drag: the NPS of all responses of the window without those that raise the theme, minus the NPS "
                        + "of all of them: the points the theme costs.",
                revenueAtRisk.describe() + ", each customer who raised the theme counted once, at the lowest score "
                        + "they gave while raising it, with the highest lifetime value we know of them.",
                "Quadrants split at the median mentions and the median NPS drag of the themes raised; the top right "
                        + "(at or above both medians) is \"Fix first\".");
    }

    public Matrix matrix() {
        Instant from = clock.instant().minus(settings.window());
        Map<Segment, Integer> all = voices.segmentsSince(from);
        int p = all.getOrDefault(Segment.PROMOTER, 0);
        int d = all.getOrDefault(Segment.DETRACTOR, 0);
        int n = all.values().stream().mapToInt(Integer::intValue).sum();
        Double nps = n == 0 ? null : 100.0 * (p - d) / n;
        record Sum(int[] m, List<Voices.CustomerOfTheme> customers) {}
        Map<UUID, Sum> sums = new HashMap<>();
        for (Voices.CustomerOfTheme c : voices.customersOfThemes(from)) {
            Sum s = sums.computeIfAbsent(c.themeId(), k -> new Sum(new int[3], new ArrayList<>()));
            s.m()[0] += c.mentions();
            s.m()[1] += c.detractorMentions();
            s.m()[2] += c.promoterMentions();
            s.customers().add(c);
        }
        List<ThemeImpact> impacts = new ArrayList<>();
        for (ThemeRows.Row theme : themes.all()) {
            Sum s = sums.get(theme.id());
            if (s == null) {
                continue;
            }
            int mentions = s.m()[0];
            int rest = n - mentions;
            double without = rest <= 0 ? 0 : 100.0 * ((p - s.m()[2]) - (d - s.m()[1])) / rest;
            double drag = nps == null ? 0 : without - nps;
            BigDecimal risk = s.customers().stream()
                    .map(c -> revenueAtRisk.of(c.lifetimeValue(), Segment.of(c.lowestScore())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            impacts.add(new ThemeImpact(
                    theme.id(),
                    theme.name(),
                    mentions,
                    s.customers().size(),
                    (double) s.m()[1] / mentions,
                    drag,
                    risk,
                    null));
        }
        double medianMentions =
                median(impacts.stream().mapToDouble(ThemeImpact::mentions).toArray());
        double medianDrag =
                median(impacts.stream().mapToDouble(ThemeImpact::npsDrag).toArray());
        List<ThemeImpact> placed = impacts.stream()
                .map(t -> new ThemeImpact(
                        t.themeId(),
                        t.theme(),
                        t.mentions(),
                        t.customers(),
                        t.detractorShare(),
                        t.npsDrag(),
                        t.revenueAtRisk(),
                        quadrant(t.mentions() >= medianMentions, t.npsDrag() >= medianDrag)))
                .sorted(Comparator.comparing(ThemeImpact::quadrant)
                        .thenComparing(Comparator.comparingDouble(
                                        (ThemeImpact t) -> t.mentions() * Math.max(t.npsDrag(), 0.01))
                                .reversed()))
                .toList();
        return new Matrix(placed, nps, n, settings.window(), medianMentions, medianDrag);
    }

    private static Quadrant quadrant(boolean frequent, boolean costly) {
        return frequent && costly
                ? Quadrant.FIX_FIRST
                : costly ? Quadrant.WATCH : frequent ? Quadrant.QUICK_LOOK : Quadrant.LATER;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
