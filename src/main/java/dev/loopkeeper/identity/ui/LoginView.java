package dev.loopkeeper.identity.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.loopkeeper.identity.SignInThrottled;
import dev.loopkeeper.sharedkernel.ui.Times;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.web.WebAttributes;

/** Sign-in with the users of Camunda's identity service. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Loopkeeper")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(Environment environment) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Loopkeeper"), login);
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            add(new Paragraph("Demo users: fiona (frontline), sam (supervisor), paula (process owner), "
                    + "ada (admin) — password \"demo\"."));
        }
    }

    /** The browser's time zone, for the views after sign-in (the user's profile may choose another). */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        VaadinSession session = event.getSession();
        event.getUI()
                .getPage()
                .retrieveExtendedClientDetails(details -> Times.rememberBrowserZone(session, details.getTimeZoneId()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed && lastFailure() instanceof SignInThrottled throttled) {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage()
                    .setMessage("Too many wrong passwords came from your address. Wait "
                            + Math.max(1, throttled.getWait().toSeconds()) + " seconds, then try again.");
            login.setI18n(i18n);
        }
        login.setError(failed);
        Landing.expectSignIn();
    }

    /** Spring Security leaves the reason of the last failed sign-in in the session. */
    private static Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null
                ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
