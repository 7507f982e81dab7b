package dev.loopkeeper.outreach.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Notifications extends JpaRepository<Notification, UUID> {

    Optional<Notification> findByDeliveryKey(String deliveryKey);

    List<Notification> findByCaseIdOrderByCreatedAt(UUID caseId);
}
