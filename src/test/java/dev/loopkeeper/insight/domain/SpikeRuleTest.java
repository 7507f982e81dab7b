package dev.loopkeeper.insight.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A theme spikes when this week is above mean + k·sd of the weeks before, and at least the minimum. */
class SpikeRuleTest {

    final SpikeRule rule = new SpikeRule(8, 2, 5);

    @Test
    void aWeekWellAboveItsUsualRangeIsASpike() {
        SpikeRule.Verdict v = rule.judge(12, List.of(4, 6, 5, 5, 4, 6, 5, 5));

        assertThat(v.mean()).isEqualTo(5.0);
        assertThat(v.sd()).isCloseTo(Math.sqrt(0.5), within(1e-9));
        assertThat(v.threshold()).isCloseTo(5 + 2 * Math.sqrt(0.5), within(1e-9));
        assertThat(v.spike()).isTrue();
    }

    @Test
    void aWeekWithinItsUsualSwingIsNone() {
        assertThat(rule.judge(9, List.of(2, 9, 3, 8, 2, 9, 3, 8)).spike()).isFalse();
    }

    @Test
    void aFewMentionsAfterWeeksOfNoneAreNoSpike() {
        assertThat(rule.judge(4, List.of(0, 0, 0, 0, 0, 0, 0, 0)).spike()).isFalse();
        assertThat(rule.judge(5, List.of(0, 0, 0, 0, 0, 0, 0, 0)).spike()).isTrue();
    }

    @Test
    void exactlyAtTheThresholdIsNotAbove() {
        assertThat(rule.judge(7, List.of(7, 7, 7, 7, 7, 7, 7, 7)).spike()).isFalse();
    }

    @Test
    void itSaysHowItIsComputed() {
        assertThat(rule.describe())
                .isEqualTo("mentions in the last 7 days above the mean + 2 standard deviations of the 8 weeks before,"
                        + " and at least 5");
    }
}
