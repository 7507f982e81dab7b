package dev.loopkeeper.intake.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FeedbackResponses extends JpaRepository<FeedbackResponse, UUID> {

    @Query("select r.id from FeedbackResponse r where r.source = ?1 and r.sourceEventId = ?2")
    Optional<UUID> findIdBySourceEvent(String source, String sourceEventId);
}
