package dev.loopkeeper.outreach.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.outreach.AlertPreference;
import dev.loopkeeper.outreach.AlertPreferences;
import dev.loopkeeper.sharedkernel.ui.ProfileSection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The profile's "Alerts" section: per event how its emails come, the digest's rhythm, quiet hours. */
@org.springframework.stereotype.Component
class AlertSettings implements ProfileSection {

    static final Map<String, String> EVENTS = Map.of(
            AlertEvent.CASE_OPENED, "New cases",
            AlertEvent.SLA_WARNING, "SLA about to run out",
            AlertEvent.BREACH, "SLA breaches",
            AlertEvent.ESCALATION, "Escalations not reviewed in time");

    private final AlertPreferences preferences;

    AlertSettings(AlertPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public Editor editor(String userId) {
        return new AlertSettingsEditor(userId, preferences);
    }

    static class AlertSettingsEditor implements Editor {

        final String userId;
        final AlertPreferences preferences;
        final Map<String, Select<AlertPreference.Choice>> choices = new LinkedHashMap<>();
        final Select<AlertPreference.Every> digest = new Select<>();
        final TimePicker quietFrom = new TimePicker("Quiet from");
        final TimePicker quietUntil = new TimePicker("Quiet until");
        private final VerticalLayout layout = new VerticalLayout();

        AlertSettingsEditor(String userId, AlertPreferences preferences) {
            this.userId = userId;
            this.preferences = preferences;
            AlertPreference chosen = preferences.of(userId);
            FormLayout form = new FormLayout();
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24em", 2));
            for (String event : AlertPreferences.EVENTS) {
                Select<AlertPreference.Choice> choice = new Select<>();
                choice.setLabel(EVENTS.get(event));
                choice.setItems(AlertPreference.Choice.values());
                choice.setItemLabelGenerator(AlertPreference.Choice::label);
                choice.setValue(chosen.choiceFor(event));
                choice.setId("alert-choice-" + event);
                choices.put(event, choice);
                form.add(choice);
            }
            digest.setLabel("Digest");
            digest.setItems(AlertPreference.Every.values());
            digest.setItemLabelGenerator(
                    every -> every == AlertPreference.Every.DAILY ? "Daily at 08:00" : "Mondays at 08:00");
            digest.setValue(chosen.digestEvery());
            digest.setId("alert-digest");
            form.add(digest);
            for (TimePicker time : new TimePicker[] {quietFrom, quietUntil}) {
                time.setStep(Duration.ofMinutes(15));
                time.setClearButtonVisible(true);
            }
            quietFrom.setValue(chosen.quietFrom());
            quietUntil.setValue(chosen.quietUntil());
            quietFrom.setHelperText("Emails due then wait until quiet hours end");
            form.add(quietFrom, quietUntil);
            layout.setPadding(false);
            layout.setSpacing(false);
            layout.add(new H4("Alerts"), form);
            layout.setId("alert-settings");
        }

        @Override
        public Component component() {
            return layout;
        }

        @Override
        public boolean validate() {
            try {
                preference();
                quietFrom.setInvalid(false);
                return true;
            } catch (IllegalArgumentException e) {
                quietFrom.setErrorMessage(e.getMessage());
                quietFrom.setInvalid(true);
                return false;
            }
        }

        @Override
        public void save() {
            preferences.save(preference());
        }

        AlertPreference preference() {
            Map<String, AlertPreference.Choice> chosen = new LinkedHashMap<>();
            choices.forEach((event, choice) -> chosen.put(event, choice.getValue()));
            return new AlertPreference(userId, digest.getValue(), quietFrom.getValue(), quietUntil.getValue(), chosen);
        }
    }
}
