package dev.loopkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.reporting.ReportPeriod.Granularity;
import dev.loopkeeper.sharedkernel.Segment;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A figure's cases as the case list's own address, narrowed only where the list can narrow. */
class DrillDownTest {

    static final ReportPeriod JANUARY =
            new ReportPeriod(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 1, 31), ZoneOffset.UTC, Granularity.MONTH);

    @Test
    void aSegmentsCasesOfOneGroupInThePeriod() {
        assertThat(DrillDown.opened(new ReportScope(JANUARY, Set.of("team-a")))
                        .segment(Segment.DETRACTOR)
                        .address())
                .isEqualTo("cases?segment=detractor&group=team-a&openedFrom=2031-01-01&openedTo=2031-01-31");
    }

    @Test
    void anOpenOutcomeIsEveryOpenStateAndAClosedOneItsOutcome() {
        DrillDown all = DrillDown.opened(ReportScope.company(JANUARY));

        assertThat(all.outcome("OPEN").address())
                .isEqualTo("cases?state=to-do&state=waiting-for-fix&state=waiting-for-reply"
                        + "&openedFrom=2031-01-01&openedTo=2031-01-31");
        assertThat(all.outcome("UNREACHABLE").address())
                .isEqualTo("cases?state=closed&outcome=unreachable&openedFrom=2031-01-01&openedTo=2031-01-31");
    }

    @Test
    void regionAndProductNarrowTheListTheOtherDimensionsCannot() {
        assertThat(DrillDown.canNarrow(Dimension.REGION, "north")).isTrue();
        assertThat(DrillDown.opened(ReportScope.company(JANUARY))
                        .where(Dimension.REGION, "north")
                        .address())
                .endsWith("&region=north&openedFrom=2031-01-01&openedTo=2031-01-31".substring(1))
                .startsWith("cases?region=north");
        assertThat(DrillDown.canNarrow(Dimension.REGION, "")).isFalse();
        assertThat(DrillDown.canNarrow(Dimension.TOUCHPOINT, "purchase")).isFalse();
        assertThat(DrillDown.canNarrow(null, "")).isTrue();
    }
}
