package dev.loopkeeper.casework.ui;

import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.casework.TaskChanged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open screens that tasks changed, once the change is committed and the tasklist query shows it.
 * Screens register while attached and push to their browser.
 */
@Component
public class TaskBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(TaskBroadcaster.class);

    private final List<Consumer<TaskChanged>> listeners = new CopyOnWriteArrayList<>();

    public Registration register(Consumer<TaskChanged> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TaskChanged change) {
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
