package dev.loopkeeper.survey;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;
import java.util.UUID;

/**
 * What the thank-you page tells the customer.
 *
 * @param caller  who will call (a person or a team), if someone will
 * @param callBy  by when, as the SLA of the case promises
 */
public record AnswerReceipt(UUID caseId, Segment segment, String caller, Instant callBy) {}
