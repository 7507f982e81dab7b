package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.shared.Registration;

/**
 * A number next to a navigation entry (open tasks, unread alerts), contributed by the module that owns
 * the view, so the layout needs to know no module. Implementations answer for the signed-in user.
 */
public interface NavigationBadge {

    /** The route path of the entry the badge belongs to, as in {@code @Route}. */
    String path();

    long count();

    /** Calls back, on any thread, when the count may have changed. */
    Registration onChange(Runnable listener);
}
