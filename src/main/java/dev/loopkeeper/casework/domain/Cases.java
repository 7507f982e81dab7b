package dev.loopkeeper.casework.domain;

import dev.loopkeeper.casework.CaseStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Cases extends JpaRepository<FollowUpCase, UUID> {

    boolean existsByCustomerExternalIdAndStatus(String customerExternalId, CaseStatus status);

    List<FollowUpCase> findTop20ByCustomerExternalIdAndIdNotOrderByOpenedAtDesc(String customerExternalId, UUID id);
}
