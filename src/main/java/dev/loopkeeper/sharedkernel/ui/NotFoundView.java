package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * What an address that leads nowhere shows: an unknown route, a view the user may not open (Vaadin's access
 * control turns a denial into {@link NotFoundException}), a case that does not exist or is not theirs. The
 * same words for all of them, and nothing else: Vaadin's own page lists every route in development mode. Inside the
 * main layout, so the menu leads on (a stranger is sent to sign in, as the layout is for signed-in users).
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    public NotFoundView() {
        add(
                new H1(getTranslation("sharedkernel.not-found.title")),
                new Paragraph(getTranslation("sharedkernel.not-found.text")),
                new Anchor("/", getTranslation("sharedkernel.back-to-start")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpStatusCode.NOT_FOUND.getCode();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sharedkernel.not-found.title") + " · Loopkeeper";
    }
}
