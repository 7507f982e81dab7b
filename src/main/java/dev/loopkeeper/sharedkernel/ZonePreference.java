package dev.loopkeeper.sharedkernel;

import java.time.ZoneId;
import java.util.Optional;

/** The time zone a user chose in their profile, kept by the identity module; none until they choose. */
public interface ZonePreference {

    Optional<ZoneId> zoneOf(String userId);

    void choose(String userId, ZoneId zone);
}
