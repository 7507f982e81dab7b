package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A new NPS response was stored. Published synchronously inside the intake transaction, so a
 * listener that fails (say, the process cannot start) rolls the whole intake back.
 *
 * @param touchpoint where the customer met us (purchase, installation, support call…), if the survey said
 * @param joins      the customer's open case this low score joins ({@link OpenCases}); null: it opens its own
 */
public record FeedbackReceived(
        UUID responseId,
        String source,
        Instant respondedAt,
        Instant receivedAt,
        int score,
        Segment segment,
        String comment,
        Customer customer,
        Map<String, String> properties,
        String touchpoint,
        UUID joins) {

    /**
     * The customer as it was when the response arrived.
     *
     * @param returning whether we knew the customer before this response (only then can they have had cases)
     */
    public record Customer(
            String externalId,
            String name,
            String email,
            String phone,
            Channel preferredChannel,
            String tier,
            BigDecimal lifetimeValue,
            boolean returning) {}
}
