package dev.loopkeeper.casework.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Resolutions extends JpaRepository<Resolution, UUID> {

    Optional<Resolution> findByCaseId(UUID caseId);
}
