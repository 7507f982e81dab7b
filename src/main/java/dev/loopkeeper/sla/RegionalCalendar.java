package dev.loopkeeper.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When one region works: the same opening hours on each of its working days, in its own time zone, except on its
 * public holidays. Wall-clock times are resolved in the zone on each day, so a daylight-saving change moves the
 * opening instant with it.
 */
final class RegionalCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final LocalTime opens;
    private final LocalTime closes;
    private final PublicHolidays holidays;

    RegionalCalendar(String name, SlaSettings.Region region) {
        String where = "loopkeeper.sla.regions." + name;
        if (region.zone() == null) {
            throw new IllegalArgumentException(where + ".zone: name a time zone, such as Europe/Madrid");
        }
        if (region.workingDays() == null || region.workingDays().isEmpty()) {
            throw new IllegalArgumentException(where + ".working-days: a region needs at least one working day");
        }
        if (region.opens() == null
                || region.closes() == null
                || !region.closes().isAfter(region.opens())) {
            throw new IllegalArgumentException(where + ": closes (" + region.closes() + ") must be after opens ("
                    + region.opens() + ") on the same day");
        }
        try {
            this.holidays = PublicHolidays.of(region.holidays());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".holidays: " + e.getMessage(), e);
        }
        this.zone = region.zone();
        this.workingDays = EnumSet.copyOf(region.workingDays());
        this.opens = region.opens();
        this.closes = region.closes();
    }

    ZoneId zone() {
        return zone;
    }

    boolean isWorkingTime(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        return isWorkingDay(local.toLocalDate()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    Instant nextOpening(Instant t) {
        if (isWorkingTime(t)) {
            return t;
        }
        ZonedDateTime local = t.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!(isWorkingDay(day) && local.toLocalTime().isBefore(opens))) {
            day = nextWorkingDay(day);
        }
        return ZonedDateTime.of(day, opens, zone).toInstant();
    }

    /** The rule is documented on {@link SlaClock#dueAfter(Instant, String, boolean, String)}. */
    Instant plusWorkingTime(Instant start, Duration workingTime) {
        ZonedDateTime at = nextOpening(start).atZone(zone);
        for (long day = 0; day < workingTime.toDays(); day++) {
            at = ZonedDateTime.of(nextWorkingDay(at.toLocalDate()), at.toLocalTime(), zone);
        }
        return plusWorkingHours(at.toInstant(), workingTime.minusDays(workingTime.toDays()));
    }

    private Instant plusWorkingHours(Instant from, Duration hours) {
        Instant at = from;
        Duration left = hours;
        while (true) {
            at = nextOpening(at);
            Instant closing = ZonedDateTime.of(at.atZone(zone).toLocalDate(), closes, zone)
                    .toInstant();
            Duration openToday = Duration.between(at, closing);
            if (left.compareTo(openToday) <= 0) {
                // ends at closing rather than at the next opening when the hours use up the day exactly
                return at.plus(left);
            }
            left = left.minus(openToday);
            at = closing;
        }
    }

    private boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.isHoliday(day);
    }

    private LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
