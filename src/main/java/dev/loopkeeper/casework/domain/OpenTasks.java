package dev.loopkeeper.casework.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The projection's rows; the tasklist itself queries them with SQL (see {@code Tasklist}). */
public interface OpenTasks extends JpaRepository<OpenTask, String> {

    List<OpenTask> findByCaseId(UUID caseId);
}
