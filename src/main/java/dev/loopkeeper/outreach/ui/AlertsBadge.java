package dev.loopkeeper.outreach.ui;

import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlerted;
import dev.loopkeeper.sharedkernel.live.LiveFeed;
import dev.loopkeeper.sharedkernel.ui.NavigationBadge;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** The number of unread alerts beside "Alerts", updated as alerts arrive on any node. */
@Component
class AlertsBadge implements NavigationBadge {

    static final String TOPIC = "staff-alerted";

    private final Outreach outreach;
    private final CurrentUser currentUser;
    private final LiveFeed feed;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    AlertsBadge(Outreach outreach, CurrentUser currentUser, LiveFeed feed) {
        this.outreach = outreach;
        this.currentUser = currentUser;
        this.feed = feed;
        feed.subscribe(TOPIC, StaffAlerted.class, alerted -> tell());
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

    /** In the alert's transaction, so the other nodes hear of it if and only if it is stored. */
    @EventListener
    void record(StaffAlerted alerted) {
        feed.record(TOPIC, alerted);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(StaffAlerted alerted) {
        tell();
    }

    private void tell() {
        listeners.forEach(Runnable::run);
    }
}
