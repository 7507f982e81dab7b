package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;
import java.util.UUID;

/** Everything the case screen shows about a case itself; its history comes from {@link CaseTimeline}. */
public record CaseFile(
        UUID caseId,
        CaseStatus status,
        CaseOutcome closedAs,
        Segment segment,
        int score,
        String comment,
        String source,
        Instant respondedAt,
        Instant openedAt,
        Instant firstContactAt,
        Instant closedAt,
        ContactOutcome lastContactOutcome,
        String contactAgent,
        Customer customer,
        String region,
        String location,
        String product,
        UUID improvementActionId) {

    /** The customer as they were when they answered. */
    public record Customer(
            String externalId, String name, String email, String phone, Channel preferredChannel, String tier) {}

    /** A past case of the same customer. */
    public record Earlier(
            UUID caseId, Instant openedAt, int score, Segment segment, CaseStatus status, CaseOutcome closedAs) {}
}
