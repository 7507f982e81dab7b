package dev.loopkeeper.casework.domain;

import dev.loopkeeper.casework.CaseOutcome;
import dev.loopkeeper.casework.CaseStatus;
import dev.loopkeeper.sharedkernel.Segment;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Cases extends JpaRepository<FollowUpCase, UUID> {

    boolean existsByCustomerExternalIdAndStatus(String customerExternalId, CaseStatus status);

    List<FollowUpCase> findTop20ByCustomerExternalIdAndIdNotOrderByOpenedAtDesc(String customerExternalId, UUID id);

    /** The customer's latest open case that is not a promoter's: where their new low score belongs. */
    Optional<FollowUpCase> findFirstByCustomerExternalIdAndStatusAndSegmentNotOrderByOpenedAtDesc(
            String customerExternalId, CaseStatus status, Segment segment);

    boolean existsByCustomerExternalIdAndClosedAs(String customerExternalId, CaseOutcome closedAs);

    boolean existsByCustomerExternalIdAndFirstContactAtNotNull(String customerExternalId);
}
