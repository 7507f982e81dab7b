package dev.loopkeeper.casework.ui;

import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.casework.TaskFilter;
import dev.loopkeeper.casework.TaskView;
import dev.loopkeeper.casework.Tasklist;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.sharedkernel.ui.NavigationBadge;
import org.springframework.stereotype.Component;

/** The number beside "Tasklist": my tasks and my groups' unclaimed ones. */
@Component
class TasklistBadge implements NavigationBadge {

    private final Tasklist tasklist;
    private final CurrentUser currentUser;
    private final TaskBroadcaster broadcaster;

    TasklistBadge(Tasklist tasklist, CurrentUser currentUser, TaskBroadcaster broadcaster) {
        this.tasklist = tasklist;
        this.currentUser = currentUser;
        this.broadcaster = broadcaster;
    }

    @Override
    public String path() {
        return "";
    }

    @Override
    public long count() {
        return currentUser
                .actor()
                .map(actor -> tasklist.count(actor, TaskFilter.of(TaskView.MY_WORK)))
                .orElse(0L);
    }

    @Override
    public Registration onChange(Runnable listener) {
        return broadcaster.register(change -> listener.run());
    }
}
