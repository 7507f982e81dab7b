package dev.loopkeeper.insight.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LinkedCases extends JpaRepository<LinkedCase, LinkedCase.Key> {

    List<LinkedCase> findByActionId(UUID actionId);

    long countByActionId(UUID actionId);

    /** Linked cases per action in one query: [actionId, count] rows. */
    @Query("select l.actionId, count(l) from LinkedCase l group by l.actionId")
    List<Object[]> countPerAction();
}
