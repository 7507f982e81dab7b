package dev.loopkeeper.identity.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Groups;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Each role lands where its work is: right after signing in, the start page sends a supervisor (or admin) to the
 * escalations and a process owner to the models; frontline stay on the tasklist. Only that first visit is sent on,
 * so "Tasklist" in the menu still opens the tasklist for everyone, and a link followed to sign in leads where it
 * pointed.
 */
@Component
class Landing implements VaadinServiceInitListener {

    /** Set in the HTTP session by a sign-in, taken by the first view the session opens. */
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

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            request.getRequest().getSession().setAttribute(SIGNED_IN, Boolean.TRUE);
        }
    }

    private void land(BeforeEnterEvent event) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null
                || session.getSession() == null
                || session.getSession().getAttribute(SIGNED_IN) == null) {
            return;
        }
        session.getSession().removeAttribute(SIGNED_IN);
        currentUser.actor().ifPresent(actor -> {
            String path = event.getLocation().getPath();
            boolean start = path.isEmpty()
                    && event.getLocation().getQueryParameters().getParameters().isEmpty();
            String target = workOf(actor);
            if (start && target != null) {
                event.forwardTo(target);
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
