package dev.loopkeeper.casework.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseComments extends JpaRepository<CaseComment, UUID> {

    List<CaseComment> findByCaseIdOrderByWrittenAt(UUID caseId);
}
