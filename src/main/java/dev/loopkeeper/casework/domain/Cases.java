package dev.loopkeeper.casework.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Cases extends JpaRepository<FollowUpCase, UUID> {

    List<FollowUpCase> findTop20ByCustomerExternalIdAndIdNotOrderByOpenedAtDesc(String customerExternalId, UUID id);
}
