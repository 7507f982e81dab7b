package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer as a search finds them, with their latest response.
 *
 * @param responses     how many responses we have from them, history included
 * @param latestScore   the score of their latest response; null without one
 * @param latestAt      when they gave it
 */
public record CustomerProfile(
        UUID id,
        String externalId,
        String name,
        String email,
        String phone,
        Channel preferredChannel,
        String tier,
        BigDecimal lifetimeValue,
        Instant since,
        int responses,
        Integer latestScore,
        Instant latestAt) {

    public Segment latestSegment() {
        return latestScore == null ? null : Segment.of(latestScore);
    }

    /** The name, or the external id where there is none. */
    public String displayName() {
        return name == null || name.isBlank() ? externalId : name;
    }
}
