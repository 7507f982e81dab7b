package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Channel;
import java.time.Instant;
import java.util.UUID;

/** An agent recorded an attempt to reach the customer. Published inside the transaction that recorded it. */
public record CaseContacted(
        UUID caseId, int attempt, Channel channel, ContactOutcome outcome, String agent, Instant at) {}
