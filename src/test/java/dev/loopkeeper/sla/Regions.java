package dev.loopkeeper.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;

/** The regions of application.yml, built by hand so these tests do not move when someone edits the defaults. */
final class Regions {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    static BusinessCalendar calendar() {
        return new BusinessCalendar(new SlaSettings(
                "EMEA",
                Map.of(
                        "EMEA", nineToFive(MADRID, "ES"),
                        // Madrid also rests on the Monday after a national holiday that falls on a Sunday
                        "Madrid", nineToFive(MADRID, "ES/MD"),
                        "DACH", nineToFive(ZoneId.of("Europe/Berlin"), "DE"),
                        "UK", nineToFive(LONDON, "GB/ENG"),
                        "US", nineToFive(NEW_YORK, "US"),
                        "APAC", nineToFive(SINGAPORE, "SG"))));
    }

    static SlaSettings.Region nineToFive(ZoneId zone, String holidays) {
        return new SlaSettings.Region(
                zone,
                holidays,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0),
                LocalTime.of(17, 0));
    }

    /** A wall-clock time in a zone, e.g. {@code at("2026-01-16T17:30", MADRID)}. */
    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private Regions() {}
}
