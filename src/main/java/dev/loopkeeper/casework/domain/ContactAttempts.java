package dev.loopkeeper.casework.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactAttempts extends JpaRepository<ContactAttempt, UUID> {

    List<ContactAttempt> findByCaseIdOrderByAttemptNo(UUID caseId);

    int countByCaseId(UUID caseId);
}
