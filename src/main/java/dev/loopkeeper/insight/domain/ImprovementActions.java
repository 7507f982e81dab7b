package dev.loopkeeper.insight.domain;

import dev.loopkeeper.insight.ImprovementStatus;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ImprovementActions extends JpaRepository<ImprovementAction, UUID> {

    List<ImprovementAction> findByStatusInOrderByDeadline(Collection<ImprovementStatus> statuses);

    List<ImprovementAction> findAllByOrderByCreatedAtDesc();

    List<ImprovementAction> findByThemeIdInAndStatusIn(
            Collection<UUID> themeIds, Collection<ImprovementStatus> statuses);
}
