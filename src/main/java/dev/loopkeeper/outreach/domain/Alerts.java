package dev.loopkeeper.outreach.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Alerts extends JpaRepository<Alert, UUID> {

    boolean existsByAlertKey(String alertKey);

    @Query("""
            select a from Alert a
            where a.readAt is null and (a.targetUser = :userId or a.targetGroup in :groups)
            order by a.createdAt desc""")
    List<Alert> unreadFor(String userId, Collection<String> groups);

    List<Alert> findByCaseIdOrderByCreatedAt(UUID caseId);
}
