package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.loopkeeper.sharedkernel.LanguagePreference;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every screen speaks the language the user chose in their profile; until they choose, their browser's (Vaadin
 * matches the request's languages against {@link Translations}' before the first view is built). Read once per
 * session, when the first UI after sign-in opens.
 */
@Component
class UiLanguage implements VaadinServiceInitListener {

    static final String LANGUAGE = "loopkeeper.language";
    private static final String READ_FOR = "loopkeeper.language-read-for";

    private final AuthenticationContext authentication;
    private final LanguagePreference preference;

    UiLanguage(AuthenticationContext authentication, LanguagePreference preference) {
        this.authentication = authentication;
        this.preference = preference;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> apply(init.getUI()));
    }

    private void apply(UI ui) {
        VaadinSession session = ui.getSession();
        // once per signed-in session: a user who chose nothing is not asked again on every page they open
        Optional<String> user = authentication.getPrincipalName();
        if (user.isPresent() && !user.get().equals(session.getAttribute(READ_FOR))) {
            session.setAttribute(READ_FOR, user.get());
            preference.languageOf(user.get()).ifPresent(chosen -> use(session, chosen));
        }
        if (session.getAttribute(LANGUAGE) instanceof Locale chosen) {
            ui.setLocale(chosen);
        }
    }

    static void use(VaadinSession session, Locale language) {
        session.setAttribute(LANGUAGE, Translations.supported(language));
    }
}
