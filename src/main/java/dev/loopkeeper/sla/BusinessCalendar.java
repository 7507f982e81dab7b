package dev.loopkeeper.sla;

import dev.loopkeeper.sharedkernel.RegionZones;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * When each region is at work: its working days and opening hours in its own time zone, less its public holidays
 * ({@code loopkeeper.sla.regions}). A blank region, or one not configured, means the default region, so a case
 * from a new market still gets a due date.
 */
@Service
public class BusinessCalendar implements RegionZones {

    private final Map<String, RegionalCalendar> regions;
    private final RegionalCalendar defaultRegion;

    BusinessCalendar(SlaSettings settings) {
        if (settings.regions().isEmpty()) {
            throw new IllegalArgumentException("loopkeeper.sla.regions: configure at least one region");
        }
        this.regions = settings.regions().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        e -> key(e.getKey()), e -> new RegionalCalendar(e.getKey(), e.getValue())));
        this.defaultRegion = regions.get(key(settings.defaultRegion()));
        if (defaultRegion == null) {
            throw new IllegalArgumentException("loopkeeper.sla.default-region: " + settings.defaultRegion()
                    + " is not one of the configured regions "
                    + settings.regions().keySet());
        }
    }

    /**
     * Whether the region is at work at {@code t}: on a working day that is not a public holiday, from opening
     * (inclusive) to closing (exclusive), by the region's wall clock.
     */
    public boolean isWorkingTime(Instant t, String region) {
        return of(region).isWorkingTime(t);
    }

    /** The first moment at or after {@code t} when the region is at work: {@code t} itself during working time. */
    public Instant nextOpening(Instant t, String region) {
        return of(region).nextOpening(t);
    }

    /** The region's time zone: a due time a supervisor types in is read on the region's clock. */
    @Override
    public ZoneId zoneOf(String region) {
        return of(region).zone();
    }

    Instant plusWorkingTime(Instant start, Duration workingTime, String region) {
        return of(region).plusWorkingTime(start, workingTime);
    }

    private RegionalCalendar of(String region) {
        return region == null ? defaultRegion : regions.getOrDefault(key(region), defaultRegion);
    }

    private static String key(String region) {
        return region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
    }
}
