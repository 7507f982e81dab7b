package dev.loopkeeper.identity.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Groups;
import org.springframework.stereotype.Component;

/**
 * Each role lands where its work is: right after signing in, the start page sends a supervisor (or admin) to the
 * escalations and a process owner to the models; frontline stay on the tasklist. Only that first visit is sent on,
 * so "Tasklist" in the menu still opens the tasklist for everyone, and a link followed to sign in leads where it
 * pointed.
 */
@Component
class Landing implements VaadinServiceInitListener {

    /**
     * Set in the HTTP session while the sign-in page shows, taken by the first view an authenticated user opens; the
     * HTTP session (and with it this mark) outlives the session id a sign-in changes.
     */
    static final String SIGNED_IN = "loopkeeper.signed-in";

    static final String ESCALATIONS = "supervision/escalations";
    static final String MODELS = "models";

    private final CurrentUser currentUser;

    Landing(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::land));
    }

    /** The sign-in page is showing: the next view after it is the user's landing. */
    static void expectSignIn() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setAttribute(SIGNED_IN, Boolean.TRUE);
        }
    }

    private void land(BeforeEnterEvent event) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null
                || session.getSession() == null
                || session.getSession().getAttribute(SIGNED_IN) == null) {
            return;
        }
        currentUser.actor().ifPresent(actor -> {
            session.getSession().removeAttribute(SIGNED_IN);
            String path = event.getLocation().getPath();
            // Spring Security's request cache marks the address it sends back to with ?continue
            boolean start = path.isEmpty()
                    && event.getLocation().getQueryParameters().getParameters().keySet().stream()
                            .allMatch("continue"::equals);
            String target = workOf(actor);
            if (start && target != null) {
                event.forwardTo(target, QueryParameters.empty());
            }
        });
    }

    /** Where the actor's work is, if not on the tasklist. */
    static String workOf(Actor actor) {
        if (actor.oversees()) {
            return ESCALATIONS;
        }
        if (actor.isIn(Groups.PROCESS_OWNERS) && !actor.isIn(Groups.FRONTLINE)) {
            return MODELS;
        }
        return null;
    }
}
