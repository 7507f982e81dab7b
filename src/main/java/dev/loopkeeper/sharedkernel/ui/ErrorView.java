package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A view that failed to open. The user gets a reference to quote; the stack trace goes to the log under the
 * same reference, never to the browser (Vaadin's own page shows it in development mode, and the exception's
 * message in any mode).
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error {} opening /{}", reference, event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        Paragraph quote = new Paragraph(getTranslation("sharedkernel.error.quote", reference));
        quote.setId("error-reference");
        add(
                new H1(getTranslation("sharedkernel.error.title")),
                quote,
                new Anchor("/", getTranslation("sharedkernel.back-to-start")));
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sharedkernel.error.title") + " · Loopkeeper";
    }
}
