package dev.loopkeeper.outreach.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.i18n.I18NProvider;
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

    /** The words for each event a user chooses for, in the language of the UI asking. */
    static String event(String event) {
        return switch (event) {
            case AlertEvent.CASE_OPENED -> I18NProvider.translate("outreach.settings.event.case-opened");
            case AlertEvent.SLA_WARNING -> I18NProvider.translate("outreach.settings.event.sla-warning");
            case AlertEvent.BREACH -> I18NProvider.translate("outreach.settings.event.breach");
            case AlertEvent.ESCALATION -> I18NProvider.translate("outreach.settings.event.escalation");
            default -> event;
        };
    }

    static String choice(AlertPreference.Choice choice) {
        return switch (choice) {
            case POLICY -> I18NProvider.translate("outreach.settings.choice.policy");
            case IMMEDIATE -> I18NProvider.translate("outreach.settings.choice.immediate");
            case DIGEST -> I18NProvider.translate("outreach.settings.choice.digest");
            case IN_APP_ONLY -> I18NProvider.translate("outreach.settings.choice.in-app-only");
        };
    }

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
        final TimePicker quietFrom = new TimePicker(I18NProvider.translate("outreach.settings.quiet-from"));
        final TimePicker quietUntil = new TimePicker(I18NProvider.translate("outreach.settings.quiet-until"));
        private final VerticalLayout layout = new VerticalLayout();

        AlertSettingsEditor(String userId, AlertPreferences preferences) {
            this.userId = userId;
            this.preferences = preferences;
            AlertPreference chosen = preferences.of(userId);
            FormLayout form = new FormLayout();
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24em", 2));
            for (String event : AlertPreferences.EVENTS) {
                Select<AlertPreference.Choice> choice = new Select<>();
                choice.setLabel(event(event));
                choice.setItems(AlertPreference.Choice.values());
                choice.setItemLabelGenerator(AlertSettings::choice);
                choice.setValue(chosen.choiceFor(event));
                choice.setId("alert-choice-" + event);
                choices.put(event, choice);
                form.add(choice);
            }
            digest.setLabel(I18NProvider.translate("outreach.settings.digest"));
            digest.setItems(AlertPreference.Every.values());
            digest.setItemLabelGenerator(every -> I18NProvider.translate(
                    every == AlertPreference.Every.DAILY
                            ? "outreach.settings.digest.daily"
                            : "outreach.settings.digest.weekly"));
            digest.setValue(chosen.digestEvery());
            digest.setId("alert-digest");
            form.add(digest);
            for (TimePicker time : new TimePicker[] {quietFrom, quietUntil}) {
                time.setStep(Duration.ofMinutes(15));
                time.setClearButtonVisible(true);
            }
            quietFrom.setValue(chosen.quietFrom());
            quietUntil.setValue(chosen.quietUntil());
            quietFrom.setHelperText(I18NProvider.translate("outreach.settings.quiet-helper"));
            form.add(quietFrom, quietUntil);
            layout.setPadding(false);
            layout.setSpacing(false);
            layout.add(new H4(I18NProvider.translate("outreach.settings.title")), form);
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
