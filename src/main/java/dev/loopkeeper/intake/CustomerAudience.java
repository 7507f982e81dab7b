package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;

/**
 * Which customers to reach (a survey run, say): each criterion narrows, an empty one does not. Only customers with an
 * email address or a phone number are in an audience; nobody can be asked otherwise.
 *
 * @param latestSegment   the segment of their latest response
 * @param tier            their tier, in any case
 * @param region          a region one of their responses came from (its {@code region} property)
 * @param noResponseSince none of their responses is this recent (customers who never answered included)
 */
public record CustomerAudience(Segment latestSegment, String tier, String region, Instant noResponseSince) {

    public CustomerAudience {
        tier = tier == null || tier.isBlank() ? null : tier.strip();
        region = region == null || region.isBlank() ? null : region.strip();
    }

    public static CustomerAudience everyone() {
        return new CustomerAudience(null, null, null, null);
    }
}
