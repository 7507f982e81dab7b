package dev.loopkeeper.sla;

import static dev.loopkeeper.sla.Regions.LONDON;
import static dev.loopkeeper.sla.Regions.MADRID;
import static dev.loopkeeper.sla.Regions.NEW_YORK;
import static dev.loopkeeper.sla.Regions.SINGAPORE;
import static dev.loopkeeper.sla.Regions.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Regions work 09:00–17:00, Monday to Friday (see {@link Regions}); 2026-01-16 is a Friday. */
class SlaClockTest {

    final SlaClock sla = new SlaClock(Regions.calendar());

    @Test
    void calendarTimeRunsThroughEveningsAndWeekends() {
        Instant fridayEvening = at("2026-01-16T17:30", MADRID);

        assertThat(sla.dueAfter(fridayEvening, "PT24H")).isEqualTo(at("2026-01-17T17:30", MADRID));
        assertThat(sla.dueAfter(fridayEvening, "PT24H", false, "EMEA")).isEqualTo(at("2026-01-17T17:30", MADRID));
        assertThat(sla.dueAfter(fridayEvening, "P7D", false, "US")).isEqualTo(at("2026-01-23T17:30", MADRID));
    }

    @Test
    void aDetractorArrivingFridayEveningWithTwentyFourBusinessHoursIsDueTuesdayAtOpening() {
        assertThat(sla.dueAfter(at("2026-01-16T17:30", MADRID), "PT24H", true, "EMEA"))
                .isEqualTo(at("2026-01-20T09:00", MADRID));
    }

    @Test
    void aWholeDayIsTheSameTimeOnTheNextWorkingDay() {
        Instant fridayMorning = at("2026-01-16T10:15", MADRID);

        assertThat(sla.dueAfter(fridayMorning, "PT24H", true, "EMEA")).isEqualTo(at("2026-01-19T10:15", MADRID));
        assertThat(sla.dueAfter(fridayMorning, "P1D", true, "EMEA")).isEqualTo(at("2026-01-19T10:15", MADRID));
        assertThat(sla.dueAfter(fridayMorning, "P2D", true, "EMEA")).isEqualTo(at("2026-01-20T10:15", MADRID));
        assertThat(sla.dueAfter(fridayMorning, "P7D", true, "EMEA")).isEqualTo(at("2026-01-27T10:15", MADRID));
    }

    @Test
    void workingHoursLeftAtClosingCarryOverToTheNextOpening() {
        assertThat(sla.dueAfter(at("2026-01-19T15:00", MADRID), "PT4H", true, "EMEA"))
                .isEqualTo(at("2026-01-20T11:00", MADRID));
        assertThat(sla.dueAfter(at("2026-01-16T15:00", MADRID), "PT4H", true, "EMEA"))
                .isEqualTo(at("2026-01-19T11:00", MADRID));
    }

    @Test
    void hoursThatFillTheWorkingDayAreDueAtClosingNotAtTheNextOpening() {
        assertThat(sla.dueAfter(at("2026-01-19T09:00", MADRID), "PT8H", true, "EMEA"))
                .isEqualTo(at("2026-01-19T17:00", MADRID));
    }

    @Test
    void daysAndHoursTogetherCountTheDaysFirstThenWorkingHours() {
        assertThat(sla.dueAfter(at("2026-01-19T10:00", MADRID), "PT30H", true, "EMEA"))
                .isEqualTo(at("2026-01-20T16:00", MADRID));
        assertThat(sla.dueAfter(at("2026-01-19T10:00", MADRID), "P1DT8H", true, "EMEA"))
                .isEqualTo(at("2026-01-21T10:00", MADRID));
    }

    @Test
    void aResponseBeforeOpeningStartsAtOpeningThatMorning() {
        assertThat(sla.dueAfter(at("2026-01-19T06:45", MADRID), "PT4H", true, "EMEA"))
                .isEqualTo(at("2026-01-19T13:00", MADRID));
    }

    @Test
    void christmasDayDoesNotCount() {
        assertThat(sla.dueAfter(at("2026-12-24T10:00", MADRID), "P2D", true, "EMEA"))
                .isEqualTo(at("2026-12-29T10:00", MADRID));
    }

    @Test
    void theImmaculateConceptionDoesNotCountInSpain() {
        assertThat(sla.dueAfter(at("2026-12-07T10:00", MADRID), "PT24H", true, "EMEA"))
                .isEqualTo(at("2026-12-09T10:00", MADRID));
    }

    @Test
    void newYearsDayAndTheWeekendAfterItDoNotCount() {
        assertThat(sla.dueAfter(at("2026-12-31T12:00", MADRID), "PT24H", true, "EMEA"))
                .isEqualTo(at("2027-01-04T12:00", MADRID));
    }

    @Test
    void aResponseOnAPublicHolidayStartsAtTheNextOpening() {
        assertThat(sla.dueAfter(at("2026-12-08T11:00", MADRID), "PT4H", true, "EMEA"))
                .isEqualTo(at("2026-12-09T13:00", MADRID));
    }

    @Test
    void aSubdivisionAddsItsOwnHolidays() {
        // Constitution Day fell on Sunday 6 December 2026, so the Community of Madrid rests on Monday the 7th
        assertThat(sla.dueAfter(at("2026-12-07T10:00", MADRID), "PT24H", true, "Madrid"))
                .isEqualTo(at("2026-12-10T09:00", MADRID));
    }

    @Test
    void theSameInstantIsDueByEachRegionsOwnClockAndHolidays() {
        Instant arrived = Instant.parse("2026-01-16T16:30:00Z");

        // 17:30 in Madrid: closed until Monday
        assertThat(sla.dueAfter(arrived, "PT24H", true, "EMEA")).isEqualTo(at("2026-01-20T09:00", MADRID));
        // 16:30 in London: still open
        assertThat(sla.dueAfter(arrived, "PT24H", true, "UK")).isEqualTo(at("2026-01-19T16:30", LONDON));
        // 11:30 in New York, and Monday is Martin Luther King Jr. Day
        assertThat(sla.dueAfter(arrived, "PT24H", true, "US")).isEqualTo(at("2026-01-20T11:30", NEW_YORK));
        // 00:30 on Saturday in Singapore
        assertThat(sla.dueAfter(arrived, "PT24H", true, "APAC")).isEqualTo(at("2026-01-20T09:00", SINGAPORE));
    }

    @Test
    void aWorkingDayKeepsItsWallClockTimeWhenMadridSpringsForward() {
        Instant fridayBefore = at("2026-03-27T10:00", MADRID);

        Instant due = sla.dueAfter(fridayBefore, "PT24H", true, "EMEA");

        assertThat(due).isEqualTo(at("2026-03-30T10:00", MADRID)).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(Duration.between(fridayBefore, due)).isEqualTo(Duration.ofHours(71));
    }

    @Test
    void aWorkingDayKeepsItsWallClockTimeWhenMadridFallsBack() {
        Instant fridayBefore = at("2026-10-23T10:00", MADRID);

        Instant due = sla.dueAfter(fridayBefore, "PT24H", true, "EMEA");

        assertThat(due).isEqualTo(at("2026-10-26T10:00", MADRID)).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
        assertThat(Duration.between(fridayBefore, due)).isEqualTo(Duration.ofHours(73));
    }

    @Test
    void workingHoursResumeAtTheLocalOpeningAfterNewYorkSpringsForward() {
        assertThat(sla.dueAfter(at("2026-03-06T16:00", NEW_YORK), "PT4H", true, "US"))
                .isEqualTo(at("2026-03-09T12:00", NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
    }

    @Test
    void aLateFridayResponseStartsAtTheLocalOpeningAfterNewYorkFallsBack() {
        assertThat(sla.dueAfter(at("2026-10-30T17:30", NEW_YORK), "PT24H", true, "US"))
                .isEqualTo(at("2026-11-03T09:00", NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-03T14:00:00Z"));
    }

    @Test
    void anUnknownOrMissingRegionCountsInTheDefaultRegion() {
        Instant fridayEvening = at("2026-01-16T17:30", MADRID);
        Instant inEmea = at("2026-01-20T09:00", MADRID);

        assertThat(sla.dueAfter(fridayEvening, "PT24H", true, "LATAM")).isEqualTo(inEmea);
        assertThat(sla.dueAfter(fridayEvening, "PT24H", true, " ")).isEqualTo(inEmea);
        assertThat(sla.dueAfter(fridayEvening, "PT24H", true, null)).isEqualTo(inEmea);
    }

    @Test
    void regionNamesIgnoreCase() {
        assertThat(sla.dueAfter(at("2026-01-16T16:30", LONDON), "PT24H", true, " uk "))
                .isEqualTo(at("2026-01-19T16:30", LONDON));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"24h", "P1M", "PT24", "tomorrow"})
    void refusesWhatIsNotAnIsoDuration(String within) {
        Instant now = Instant.parse("2026-01-16T12:00:00Z");

        assertThatThrownBy(() -> sla.dueAfter(now, within))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An SLA is an ISO-8601 duration like PT24H or P7D, not " + within);
        assertThatThrownBy(() -> sla.dueAfter(now, within, true, "EMEA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An SLA is an ISO-8601 duration like PT24H or P7D, not " + within);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT4H", "P-1D"})
    void refusesAnSlaThatAllowsNoTime(String within) {
        assertThatThrownBy(() -> sla.dueAfter(Instant.parse("2026-01-16T12:00:00Z"), within, true, "EMEA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An SLA must allow some time, not " + within);
    }
}
