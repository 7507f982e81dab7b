package dev.loopkeeper.insight.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.loopkeeper.insight.ThemePriorities;
import dev.loopkeeper.insight.ThemePriorities.Quadrant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the priority matrix's chart shows, as the server builds it for ECharts. */
class PrioritiesChartTest {

    static ThemePriorities.ThemeImpact impact(String name, int mentions, double drag, String revenue, Quadrant q) {
        return new ThemePriorities.ThemeImpact(
                UUID.randomUUID(), name, mentions, mentions, 0.5, drag, new BigDecimal(revenue), q);
    }

    @Test
    void eachThemeIsABubbleAtItsMentionsAndDragSizedByRevenueAndTheTopRightIsRed() {
        ThemePriorities.Matrix matrix = new ThemePriorities.Matrix(
                List.of(
                        impact("Billing", 40, 12.5, "9000", Quadrant.FIX_FIRST),
                        impact("Parking", 3, -2.0, "100", Quadrant.LATER)),
                10.0,
                200,
                Duration.ofDays(90),
                21.5,
                5.25);

        Map<String, Object> option = PrioritiesView.option(matrix, key -> key);

        @SuppressWarnings("unchecked")
        Map<String, Object> series = ((List<Map<String, Object>>) option.get("series")).get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) series.get("data");
        assertThat(points).extracting(p -> p.get("name")).containsExactly("Billing", "Parking");
        assertThat(points.get(0).get("value")).isEqualTo(List.of(40, 12.5, new BigDecimal("9000")));
        assertThat(points.get(0).get("itemStyle")).isEqualTo(Map.of("color", "#c62828"));
        assertThat(points.get(1).get("itemStyle")).isEqualTo(Map.of("color", "#1565c0"));
        assertThat((long) points.get(0).get("symbolSize"))
                .isGreaterThan((long) points.get(1).get("symbolSize"));
        // room beyond the largest bubble, and below zero for a theme whose customers like us more than most
        assertThat(option.get("xAxis"))
                .asInstanceOf(MAP)
                .containsEntry("min", 0)
                .containsEntry("max", 50L);
        assertThat(option.get("yAxis"))
                .asInstanceOf(MAP)
                .containsEntry("min", -3L)
                .containsEntry("max", 16L);
    }
}
