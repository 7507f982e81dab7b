package dev.loopkeeper.survey;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;
import java.util.UUID;

/**
 * What the thank-you page tells the customer.
 *
 * @param caller      the person who will call, if one has the case
 * @param callerTeam  else the team (a candidate group) that will, if the case offers its contact to one
 * @param callBy      by when, as the SLA of the case promises; null: nobody will call
 */
public record AnswerReceipt(UUID caseId, Segment segment, String caller, String callerTeam, Instant callBy) {}
