package dev.loopkeeper.outreach.ui;

import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlerted;
import dev.loopkeeper.sharedkernel.ui.NavigationBadge;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** The number of unread alerts beside "Alerts", updated as alerts arrive. */
@Component
class AlertsBadge implements NavigationBadge {

    private final Outreach outreach;
    private final CurrentUser currentUser;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    AlertsBadge(Outreach outreach, CurrentUser currentUser) {
        this.outreach = outreach;
        this.currentUser = currentUser;
    }

    @Override
    public String path() {
        return "alerts";
    }

    @Override
    public long count() {
        return currentUser
                .actor()
                .map(actor -> (long) outreach.unreadAlertsFor(actor).size())
                .orElse(0L);
    }

    @Override
    public Registration onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(StaffAlerted alerted) {
        listeners.forEach(Runnable::run);
    }
}
