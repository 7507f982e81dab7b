package dev.loopkeeper.sla.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaBreaches extends JpaRepository<SlaBreach, UUID> {

    List<SlaBreach> findByCaseId(UUID caseId);

    List<SlaBreach> findByCaseIdIn(Collection<UUID> caseIds);
}
