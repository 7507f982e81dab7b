package dev.loopkeeper.casework.ui;

import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.casework.TaskChanged;
import dev.loopkeeper.sharedkernel.live.LiveFeed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open screens that tasks changed, once the change is committed and the tasklist query shows it: the screens of
 * this node at once, those of the other nodes on the same database through the {@link LiveFeed}. Screens register
 * while attached and push to their browser.
 */
@Component
public class TaskBroadcaster {

    static final String TOPIC = "task-changed";

    private static final Logger log = LoggerFactory.getLogger(TaskBroadcaster.class);

    private final List<Consumer<TaskChanged>> listeners = new CopyOnWriteArrayList<>();
    private final LiveFeed feed;

    TaskBroadcaster(LiveFeed feed) {
        this.feed = feed;
        feed.subscribe(TOPIC, TaskChanged.class, this::tell);
    }

    public Registration register(Consumer<TaskChanged> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** In the engine's transaction, so the other nodes hear of the change if and only if it commits. */
    @EventListener
    void record(TaskChanged change) {
        feed.record(TOPIC, change);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TaskChanged change) {
        tell(change);
    }

    private void tell(TaskChanged change) {
        for (Consumer<TaskChanged> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                // one closed browser tab must not keep the others from hearing
                log.debug("A tasklist listener failed", e);
            }
        }
    }
}
