package dev.loopkeeper.survey.domain;

import dev.loopkeeper.survey.InvitationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Invitations extends JpaRepository<SurveyInvitation, UUID> {

    /** Due to be sent, oldest first; invitations of a paused run wait. */
    @Query("""
            select i.id from SurveyInvitation i
            where i.status = dev.loopkeeper.survey.InvitationStatus.SCHEDULED and i.sendAfter <= :now
              and (i.runId is null or i.runId not in (select r.id from SurveyRun r where r.paused = true))
            order by i.sendAfter""")
    List<UUID> due(Instant now, Limit limit);

    @Query("""
            select i.id from SurveyInvitation i
            where i.status = dev.loopkeeper.survey.InvitationStatus.SENT and i.reminderDueAt <= :now
              and i.remindedAt is null
            order by i.reminderDueAt""")
    List<UUID> remindersDue(Instant now, Limit limit);

    /** The customer's latest survey that went out, for the quiet period. */
    Optional<SurveyInvitation> findFirstByCustomerExternalIdAndSentAtNotNullOrderBySentAtDesc(
            String customerExternalId);

    Optional<SurveyInvitation> findFirstByCustomerExternalIdOrderByCreatedAtDesc(String customerExternalId);

    /** The re-surveys that follow a case, latest first. */
    List<SurveyInvitation> findByFollowsCaseIdOrderByCreatedAtDesc(UUID caseId);

    Optional<SurveyInvitation> findFirstByCaseId(UUID caseId);

    long countByRunIdAndStatus(UUID runId, InvitationStatus status);
}
