package dev.loopkeeper.outreach.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.outreach.AlertPreference;
import dev.loopkeeper.outreach.AlertPreferences;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The "Alerts" section of a user's profile: what they choose is what alerts them. */
@LoopkeeperTest
class AlertSettingsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AlertPreferences preferences;

    @AfterEach
    void signOutAndForget() {
        KaribuUi.signOut();
        preferences.save(AlertPreference.defaults("sam"));
    }

    @Test
    void aSupervisorMovesBreachesToAWeeklyDigestWithQuietHoursInTheirProfile() {
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(AlertsView.class);

        _click(_get(Button.class, spec -> spec.withId("profile")));
        @SuppressWarnings("unchecked")
        Select<AlertPreference.Choice> breaches =
                _get(Select.class, spec -> spec.withId("alert-choice-" + AlertEvent.BREACH));
        assertThat(breaches.getValue()).isEqualTo(AlertPreference.Choice.POLICY);
        breaches.setValue(AlertPreference.Choice.IMMEDIATE);
        @SuppressWarnings("unchecked")
        Select<AlertPreference.Every> digest = _get(Select.class, spec -> spec.withId("alert-digest"));
        digest.setValue(AlertPreference.Every.WEEKLY);
        _get(TimePicker.class, spec -> spec.withLabel("Quiet from")).setValue(LocalTime.of(21, 0));
        _get(TimePicker.class, spec -> spec.withLabel("Quiet until")).setValue(LocalTime.of(6, 45));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(preferences.of("sam"))
                .isEqualTo(new AlertPreference(
                        "sam",
                        AlertPreference.Every.WEEKLY,
                        LocalTime.of(21, 0),
                        LocalTime.of(6, 45),
                        Map.of(AlertEvent.BREACH, AlertPreference.Choice.IMMEDIATE)));
    }

    @Test
    void quietHoursWithoutAnEndAreNotSaved() {
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(AlertsView.class);

        _click(_get(Button.class, spec -> spec.withId("profile")));
        TimePicker from = _get(TimePicker.class, spec -> spec.withLabel("Quiet from"));
        from.setValue(LocalTime.of(21, 0));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(from.isInvalid()).isTrue();
        assertThat(preferences.of("sam").hasQuietHours()).isFalse();
    }
}
