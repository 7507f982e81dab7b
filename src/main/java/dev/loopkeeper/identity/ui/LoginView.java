package dev.loopkeeper.identity.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
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
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    public LoginView(Environment environment) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(words());
        add(new H1("Loopkeeper"), login);
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            add(new Paragraph(getTranslation("identity.login.demo-users")));
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
            LoginI18n i18n = words();
            i18n.getErrorMessage().setTitle(getTranslation("identity.login.throttled.title"));
            i18n.getErrorMessage()
                    .setMessage(getTranslation(
                            "identity.login.throttled.text",
                            Math.max(1, throttled.getWait().toSeconds())));
            login.setI18n(i18n);
        }
        login.setError(failed);
        Landing.expectSignIn();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("identity.login.title") + " · Loopkeeper";
    }

    /** The form's words in the user's language (Vaadin's own are English only). */
    private LoginI18n words() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("identity.login.form.title"));
        i18n.getForm().setUsername(getTranslation("identity.login.form.username"));
        i18n.getForm().setPassword(getTranslation("identity.login.form.password"));
        i18n.getForm().setSubmit(getTranslation("identity.login.form.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("identity.login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("identity.login.error.text"));
        i18n.getErrorMessage().setUsername(getTranslation("identity.login.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("identity.login.error.password"));
        return i18n;
    }

    /** Spring Security leaves the reason of the last failed sign-in in the session. */
    private static Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null
                ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
