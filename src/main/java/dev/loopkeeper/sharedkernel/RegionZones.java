package dev.loopkeeper.sharedkernel;

import java.time.ZoneId;

/** The time zone of a customer's region (the SLA's regions keep them); the default region's for an unknown one. */
public interface RegionZones {

    ZoneId zoneOf(String region);
}
