package dev.loopkeeper.sla;

import static dev.loopkeeper.sla.Regions.LONDON;
import static dev.loopkeeper.sla.Regions.MADRID;
import static dev.loopkeeper.sla.Regions.NEW_YORK;
import static dev.loopkeeper.sla.Regions.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Regions work 09:00–17:00, Monday to Friday (see {@link Regions}); 2026-01-19 is a Monday. */
class BusinessCalendarTest {

    final BusinessCalendar calendar = Regions.calendar();

    @Test
    void workingTimeRunsFromOpeningUntilJustBeforeClosing() {
        assertThat(calendar.isWorkingTime(at("2026-01-19T08:59:59", MADRID), "EMEA"))
                .isFalse();
        assertThat(calendar.isWorkingTime(at("2026-01-19T09:00", MADRID), "EMEA"))
                .isTrue();
        assertThat(calendar.isWorkingTime(at("2026-01-19T16:59:59", MADRID), "EMEA"))
                .isTrue();
        assertThat(calendar.isWorkingTime(at("2026-01-19T17:00", MADRID), "EMEA"))
                .isFalse();
    }

    @Test
    void weekendsAndPublicHolidaysAreNotWorkingTime() {
        assertThat(calendar.isWorkingTime(at("2026-01-17T11:00", MADRID), "EMEA"))
                .as("Saturday")
                .isFalse();
        assertThat(calendar.isWorkingTime(at("2026-12-08T11:00", MADRID), "EMEA"))
                .as("Immaculate Conception")
                .isFalse();
        assertThat(calendar.isWorkingTime(at("2026-12-25T11:00", MADRID), "EMEA"))
                .as("Christmas")
                .isFalse();
        assertThat(calendar.isWorkingTime(at("2027-01-01T11:00", MADRID), "EMEA"))
                .as("New Year")
                .isFalse();
        assertThat(calendar.isWorkingTime(at("2026-12-28T11:00", MADRID), "EMEA"))
                .as("an ordinary Monday")
                .isTrue();
    }

    @Test
    void workingTimeFollowsTheRegionsClockThroughDaylightSaving() {
        // 07:30 UTC is 08:30 in Madrid in winter and 09:30 after the clocks went forward on 29 March
        assertThat(calendar.isWorkingTime(Instant.parse("2026-03-23T07:30:00Z"), "EMEA"))
                .isFalse();
        assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T07:30:00Z"), "EMEA"))
                .isTrue();
    }

    @Test
    void theSameInstantIsWorkingTimeInSomeRegionsOnly() {
        Instant fridayAfternoonInLondon = Instant.parse("2026-01-16T16:30:00Z");

        assertThat(calendar.isWorkingTime(fridayAfternoonInLondon, "UK")).isTrue();
        assertThat(calendar.isWorkingTime(fridayAfternoonInLondon, "US")).isTrue();
        assertThat(calendar.isWorkingTime(fridayAfternoonInLondon, "EMEA")).isFalse();
        assertThat(calendar.isWorkingTime(fridayAfternoonInLondon, "APAC")).isFalse();
    }

    @Test
    void theNextOpeningDuringWorkingTimeIsNow() {
        Instant mondayNoon = at("2026-01-19T12:00", MADRID);

        assertThat(calendar.nextOpening(mondayNoon, "EMEA")).isEqualTo(mondayNoon);
    }

    @Test
    void theNextOpeningBeforeOpeningIsThatMorning() {
        assertThat(calendar.nextOpening(at("2026-01-19T07:00", MADRID), "EMEA"))
                .isEqualTo(at("2026-01-19T09:00", MADRID));
    }

    @Test
    void theNextOpeningAfterClosingOnFridayIsMonday() {
        assertThat(calendar.nextOpening(at("2026-01-16T17:00", MADRID), "EMEA"))
                .isEqualTo(at("2026-01-19T09:00", MADRID));
    }

    @Test
    void theNextOpeningSkipsHolidaysAsEachRegionKeepsThem() {
        Instant christmasEveEvening = at("2026-12-24T17:30", LONDON);

        // Christmas on Friday in Spain; in England Boxing Day falls on Saturday and moves to Monday
        assertThat(calendar.nextOpening(at("2026-12-24T17:30", MADRID), "EMEA"))
                .isEqualTo(at("2026-12-28T09:00", MADRID));
        assertThat(calendar.nextOpening(christmasEveEvening, "UK")).isEqualTo(at("2026-12-29T09:00", LONDON));
    }

    @Test
    void anObservedHolidayClosesTheRegionInsteadOfTheWeekendDay() {
        // Independence Day 2026 is a Saturday; the federal holiday is observed on Friday 3 July
        assertThat(calendar.isWorkingTime(at("2026-07-03T11:00", NEW_YORK), "US"))
                .isFalse();
        assertThat(calendar.nextOpening(at("2026-07-02T17:30", NEW_YORK), "US"))
                .isEqualTo(at("2026-07-06T09:00", NEW_YORK));
    }

    @Test
    void anUnknownRegionIsTheDefaultRegion() {
        Instant fridayAfternoonInLondon = Instant.parse("2026-01-16T16:30:00Z");

        assertThat(calendar.isWorkingTime(fridayAfternoonInLondon, "LATAM")).isFalse();
        assertThat(calendar.nextOpening(fridayAfternoonInLondon, ""))
                .isEqualTo(calendar.nextOpening(fridayAfternoonInLondon, "EMEA"));
    }
}
