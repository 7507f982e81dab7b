package dev.loopkeeper.survey;

import dev.loopkeeper.outreach.DeliveryStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation as the API and the screens show it.
 *
 * @param reason         why it was skipped, or the last failure to send it
 * @param delivery       how the email went, as outreach's log has it (null before the first attempt)
 * @param followsCaseId  a re-survey: the case whose recovery it measures, with that case's score
 * @param caseId         the case the answer opened
 * @param language       the customer's language, in which we ask and answer
 */
public record SurveyInvitationView(
        UUID invitationId,
        String customerExternalId,
        String touchpoint,
        InvitationStatus status,
        String reason,
        DeliveryStatus delivery,
        Instant sendAfter,
        Instant sentAt,
        Instant remindedAt,
        Instant answeredAt,
        Integer score,
        UUID caseId,
        UUID followsCaseId,
        Integer followsScore,
        String language) {}
