package dev.loopkeeper.identity;

import dev.loopkeeper.identity.domain.StaffAvailabilities;
import dev.loopkeeper.identity.domain.StaffAvailability;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is away: they get no new work until they are back. */
@Service
@Transactional
public class Availability {

    private final StaffAvailabilities availabilities;
    private final Clock clock;

    Availability(StaffAvailabilities availabilities, Clock clock) {
        this.availabilities = availabilities;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isAway(String userId) {
        return userId != null
                && availabilities
                        .findById(userId)
                        .map(StaffAvailability::isAway)
                        .orElse(false);
    }

    @Transactional(readOnly = true)
    public Set<String> away() {
        return availabilities.findByAwayTrue().stream()
                .map(StaffAvailability::getUserId)
                .collect(Collectors.toSet());
    }

    /** Marks someone away or back; only leads do this for others. */
    public void set(String userId, boolean away, String note, Actor by) {
        if (!by.userId().equals(userId) && !by.oversees()) {
            throw new Refusal(
                    "Only supervisors say whether someone else is away",
                    Words.of("identity.availability.refused.others"));
        }
        StaffAvailability availability = availabilities.findById(userId).orElseGet(() -> new StaffAvailability(userId));
        availability.set(away, note, by.userId(), clock.instant());
        availabilities.save(availability);
    }
}
