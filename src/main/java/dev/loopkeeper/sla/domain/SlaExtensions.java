package dev.loopkeeper.sla.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaExtensions extends JpaRepository<SlaExtension, UUID> {

    List<SlaExtension> findByCaseIdOrderByExtendedAt(UUID caseId);
}
