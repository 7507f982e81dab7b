package dev.loopkeeper.sla;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.sla.*}
 *
 * @param defaultRegion the region whose calendar counts for a case with a blank or unconfigured region
 * @param regions       each region's business calendar, by region name (matched ignoring case)
 */
@ConfigurationProperties("loopkeeper.sla")
record SlaSettings(String defaultRegion, @DefaultValue Map<String, Region> regions) {

    /**
     * @param zone        the time zone of the region's wall clock
     * @param holidays    a jollyday calendar: a country code, optionally with subdivisions, such as {@code ES}
     *                    or {@code ES/MD}; only its public holidays close the region
     * @param workingDays the days of the week the region works
     * @param opens       when work starts on a working day, local time
     * @param closes      when work stops on a working day, local time, after {@code opens}
     */
    record Region(
            ZoneId zone,
            String holidays,

            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
            Set<DayOfWeek> workingDays,

            @DefaultValue("09:00") LocalTime opens,
            @DefaultValue("17:00") LocalTime closes) {}
}
