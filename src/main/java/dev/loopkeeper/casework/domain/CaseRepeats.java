package dev.loopkeeper.casework.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseRepeats extends JpaRepository<CaseRepeat, UUID> {

    List<CaseRepeat> findByCaseIdOrderByReceivedAt(UUID caseId);
}
