package dev.loopkeeper.sla;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * The public holidays of a country or one of its subdivisions, from jollyday's maintained calendars (moved and
 * substitute days included). Bank holidays and observances do not close a region.
 */
final class PublicHolidays {

    private final HolidayManager country;
    private final String[] subdivisions;

    private PublicHolidays(HolidayManager country, String[] subdivisions) {
        this.country = country;
        this.subdivisions = subdivisions;
    }

    /**
     * @param calendar a country code with optional subdivisions below it, such as {@code ES}, {@code ES/MD}
     *                 or {@code GB/ENG}
     */
    static PublicHolidays of(String calendar) {
        if (calendar == null || calendar.isBlank()) {
            throw new IllegalArgumentException("Name a holiday calendar, such as ES or ES/MD");
        }
        String[] parts = calendar.strip().toLowerCase(Locale.ROOT).split("/");
        if (!HolidayManager.getSupportedCalendarCodes().contains(parts[0].toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("No holiday calendar for country " + parts[0].toUpperCase(Locale.ROOT)
                    + " (in " + calendar + "); use an ISO 3166 code such as ES, DE, GB or US");
        }
        HolidayManager country = HolidayManager.getInstance(ManagerParameters.create(parts[0]));
        String[] subdivisions = Arrays.copyOfRange(parts, 1, parts.length);
        // jollyday quietly ignores a subdivision it does not know, which would drop regional holidays unseen
        CalendarHierarchy level = country.getCalendarHierarchy();
        for (String subdivision : subdivisions) {
            level = level.getChildren().get(subdivision);
            if (level == null) {
                throw new IllegalArgumentException("No holiday calendar for subdivision " + calendar);
            }
        }
        return new PublicHolidays(country, subdivisions);
    }

    boolean isHoliday(LocalDate day) {
        return country.isHoliday(day, HolidayType.PUBLIC_HOLIDAY, subdivisions);
    }
}
