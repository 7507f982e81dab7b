package dev.loopkeeper.casework.domain;

import dev.loopkeeper.casework.TaskRow;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OpenTasks extends JpaRepository<OpenTask, String> {

    /** Tasks assigned to the user, and unclaimed tasks of the user's groups. */
    @Query("""
            select new dev.loopkeeper.casework.TaskRow(t.id, c.id, c.customerName, c.score, c.segment, c.comment,
                   t.name, t.taskKey, t.dueAt, t.assignee, t.candidateGroup, t.createdAt)
            from OpenTask t left join FollowUpCase c on c.id = t.caseId
            where t.assignee = :user or (t.assignee is null and t.candidateGroup in :groups)
            """)
    List<TaskRow> findWorkOf(String user, Collection<String> groups, Pageable page);

    @Query("""
            select count(t) from OpenTask t
            where t.assignee = :user or (t.assignee is null and t.candidateGroup in :groups)
            """)
    long countWorkOf(String user, Collection<String> groups);

    List<OpenTask> findByCaseId(UUID caseId);
}
