package dev.loopkeeper.sharedkernel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.sharedkernel.LanguagePreference;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The staff screens speak the language a user chose in their profile. */
@LoopkeeperTest
class UiLanguageTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    LanguagePreference languages;

    @AfterEach
    void backToEnglish() {
        KaribuUi.signOut();
        languages.chooseLanguage("fiona", Locale.ENGLISH);
    }

    @Test
    void aUserWhoChoseGermanSeesTheMenuAndTheFrameInGerman() {
        languages.chooseLanguage("fiona", Locale.GERMAN);
        KaribuUi.signIn(context, "fiona", "frontline");
        UI.getCurrent().navigate("");

        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("de");
        assertThat(logOut()).isEqualTo("Abmelden");
        _get(SideNavItem.class, spec -> spec.withPredicate(item -> "Aufgabenliste".equals(item.getLabel())));
    }

    @Test
    void choosingSpanishInTheProfileIsKeptForTheNextSession() {
        KaribuUi.signIn(context, "fiona", "frontline");
        UI.getCurrent().navigate("");
        assertThat(logOut()).isEqualTo("Log out");

        _click(_get(Button.class, spec -> spec.withId("profile")));
        @SuppressWarnings("unchecked")
        Select<Locale> language = _get(Select.class, spec -> spec.withLabel("Language"));
        language.setValue(Translations.SPANISH);
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(languages.languageOf("fiona")).contains(Translations.SPANISH);
        KaribuUi.signOut();
        KaribuUi.signIn(context, "fiona", "frontline");
        UI.getCurrent().navigate("");
        assertThat(logOut()).isEqualTo("Cerrar sesión");
    }

    /** The log-out button's name: on a phone it shows only its icon, so its words are its label. */
    private static String logOut() {
        return _get(Button.class, spec -> spec.withId("log-out")).getElement().getAttribute("aria-label");
    }
}
