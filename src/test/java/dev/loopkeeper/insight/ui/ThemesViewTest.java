package dev.loopkeeper.insight.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.insight.ThemeView;
import dev.loopkeeper.insight.Themes;
import dev.loopkeeper.intake.CaseIntake;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The taxonomy in the browser: process owners edit it and see the retagging it causes; supervisors read it. */
@LoopkeeperTest
class ThemesViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Themes themes;

    @Autowired
    CaseIntake intake;

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
    }

    @Test
    void aProcessOwnerAddsAThemeWithKeywordsPerLanguageAndEveryResponseIsToBeRetagged() {
        String name = "Router " + UUID.randomUUID().toString().substring(0, 6);
        intake.receive(TestResponses.withScore(3));
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(ThemesView.class);

        _click(_get(Button.class, spec -> spec.withText("New theme")));
        _get(TextField.class, spec -> spec.withLabel("Name")).setValue(name);
        _get(TextArea.class, spec -> spec.withLabel("Keywords (en)")).setValue("router, modem\nno signal");
        _get(TextArea.class, spec -> spec.withLabel("Keywords (de)")).setValue("Router");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        NotificationsKt.expectNotifications("Theme saved: " + name + ". Responses are being retagged.");
        ThemeView saved = themes.list().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(saved.keywords())
                .containsEntry("en", List.of("modem", "no signal", "router"))
                .containsEntry("de", List.of("router"));
        ThemesView view = _get(ThemesView.class);
        assertThat(GridKt._findAll(view.grid)).extracting(ThemeView::name).contains(name);
        assertThat(themes.retagging().done()).isFalse();
        assertThat(view.retagText.getText()).startsWith("Retagging responses with the latest themes");
        assertThat(view.retagBar.isVisible()).isTrue();
    }

    @Test
    void inGermanTheThemeDialogAndItsNoticeAreGerman() {
        String name = "Rechnung " + UUID.randomUUID().toString().substring(0, 6);
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate(ThemesView.class);

        ThemesView view = _get(ThemesView.class);
        assertThat(view.grid.getColumnByKey("owner").getHeaderText()).isEqualTo("Erfährt von Spitzen");
        _click(_get(Button.class, spec -> spec.withText("Neues Thema")));
        _get(TextField.class, spec -> spec.withLabel("Name")).setValue(name);
        _get(TextArea.class, spec -> spec.withLabel("Schlüsselwörter (de)")).setValue(name.toLowerCase(Locale.ROOT));
        _click(_get(Button.class, spec -> spec.withText("Speichern")));

        NotificationsKt.expectNotifications(
                "Thema gespeichert: " + name + ". Die Antworten werden neu verschlagwortet.");

        // the same name again: the service's refusal, said in German
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withText("Neues Thema")));
        _get(TextField.class, spec -> spec.withLabel("Name")).setValue(name);
        _get(TextArea.class, spec -> spec.withLabel("Schlüsselwörter (de)")).setValue(name.toLowerCase(Locale.ROOT));
        _click(_get(Button.class, spec -> spec.withText("Speichern")));
        NotificationsKt.expectNotifications("Es gibt bereits ein Thema namens " + name);
    }

    @Test
    void aSupervisorReadsTheThemesButCannotChangeThem() {
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(ThemesView.class);

        assertThat(_find(Button.class, spec -> spec.withText("New theme"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Edit"))).isEmpty();
        assertThat(GridKt._findAll(_get(ThemesView.class).grid)).isNotEmpty();
    }
}
