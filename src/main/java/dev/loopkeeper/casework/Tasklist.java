package dev.loopkeeper.casework;

import dev.loopkeeper.casework.domain.OpenTasks;
import dev.loopkeeper.sharedkernel.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tasks an agent can work: paged and sorted in the database. */
@Service
@Transactional(readOnly = true)
public class Tasklist {

    /** Sortable columns of the list, named after {@link TaskRow} fields. */
    public static final Set<String> SORTABLE = Set.of("dueAt", "createdAt", "name", "assignee");

    private final OpenTasks openTasks;

    Tasklist(OpenTasks openTasks) {
        this.openTasks = openTasks;
    }

    /** Tasks assigned to the actor and unclaimed tasks of the actor's groups, due first by default. */
    public List<TaskRow> workOf(Actor actor, Pageable page) {
        Sort order = page.getSort().isSorted() ? page.getSort() : Sort.by("dueAt");
        order.forEach(o -> {
            if (!SORTABLE.contains(o.getProperty())) {
                throw new IllegalArgumentException("Cannot sort the tasklist by " + o.getProperty());
            }
        });
        // The id makes the order total, so a task never shows on two pages or none.
        Pageable stable = PageRequest.of(page.getPageNumber(), page.getPageSize(), order.and(Sort.by("id")));
        return openTasks.findWorkOf(actor.userId(), groupsOf(actor), stable);
    }

    public long countWorkOf(Actor actor) {
        return openTasks.countWorkOf(actor.userId(), groupsOf(actor));
    }

    /** An empty IN list is invalid SQL on some databases; a group nobody is in matches nothing. */
    private static Collection<String> groupsOf(Actor actor) {
        return actor.groups().isEmpty() ? Set.of("") : actor.groups();
    }
}
