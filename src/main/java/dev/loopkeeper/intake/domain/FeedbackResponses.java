package dev.loopkeeper.intake.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FeedbackResponses extends JpaRepository<FeedbackResponse, UUID> {

    List<FeedbackResponse> findTop50ByCustomerExternalIdOrderByRespondedAtDesc(String externalId);

    List<FeedbackResponse> findTop500ByCustomerExternalIdOrderByRespondedAtDesc(String externalId);

    @Query("select r.id from FeedbackResponse r where r.source = ?1 and r.sourceEventId = ?2")
    Optional<UUID> findIdBySourceEvent(String source, String sourceEventId);
}
