package dev.loopkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.reporting.ReportPeriod.Bucket;
import dev.loopkeeper.reporting.ReportPeriod.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Periods cut into the user's weeks, months and quarters, daylight saving included. */
class ReportPeriodTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void theLastThreeWeeksEndWithTheWeekOfTodayAndStartOnMondayAtMidnightInTheUsersZone() {
        ReportPeriod period = ReportPeriod.last(3, Granularity.WEEK, LocalDate.of(2031, 4, 2), MADRID);

        List<Bucket> weeks = period.buckets();
        assertThat(weeks)
                .extracting(Bucket::label)
                .containsExactly("w/c 2031-03-17", "w/c 2031-03-24", "w/c 2031-03-31");
        // clocks went forward on 30 March: the week before starts at 23:00 UTC, the week after at 22:00 UTC
        assertThat(weeks.get(1).from()).isEqualTo(Instant.parse("2031-03-23T23:00:00Z"));
        assertThat(weeks.get(1).to()).isEqualTo(Instant.parse("2031-03-30T22:00:00Z"));
        assertThat(weeks.get(2).last()).isEqualTo(LocalDate.of(2031, 4, 6));
    }

    @Test
    void aPeriodThatStartsMidQuarterCutsItsFirstBucketToItsOwnDays() {
        ReportPeriod period =
                new ReportPeriod(LocalDate.of(2031, 2, 15), LocalDate.of(2031, 7, 10), MADRID, Granularity.QUARTER);

        assertThat(period.buckets())
                .extracting(Bucket::label, Bucket::first, Bucket::last)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "2031 Q1", LocalDate.of(2031, 2, 15), LocalDate.of(2031, 3, 31)),
                        org.assertj.core.groups.Tuple.tuple(
                                "2031 Q2", LocalDate.of(2031, 4, 1), LocalDate.of(2031, 6, 30)),
                        org.assertj.core.groups.Tuple.tuple(
                                "2031 Q3", LocalDate.of(2031, 7, 1), LocalDate.of(2031, 7, 10)));
        assertThat(period.previous())
                .isEqualTo(new ReportPeriod(
                        LocalDate.of(2030, 9, 22), LocalDate.of(2031, 2, 14), MADRID, Granularity.QUARTER));
    }
}
