package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinSession;
import dev.loopkeeper.sharedkernel.LanguagePreference;
import dev.loopkeeper.sharedkernel.ZonePreference;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The user's own settings: the language and the time zone every screen shows times in (the browser's until they choose), and the
 * sections modules add (which alerts, how and when).
 */
class ProfileDialog extends ActionDialog {

    final ComboBox<String> zone = new ComboBox<>();

    final Select<Locale> language = new Select<>();

    final List<ProfileSection.Editor> sections;

    ProfileDialog(
            String userId,
            ZonePreference preference,
            LanguagePreference languages,
            ZoneId browser,
            List<ProfileSection> sections) {
        super(I18NProvider.translate("sharedkernel.profile.title"));
        language.setLabel(getTranslation("sharedkernel.profile.language"));
        language.setItems(Translations.LANGUAGES);
        language.setItemLabelGenerator(choice -> choice.getDisplayName(choice));
        language.setValue(Times.locale());
        language.setWidthFull();
        zone.setLabel(getTranslation("sharedkernel.profile.zone"));
        zone.setItems(List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds())));
        zone.setValue(Times.zone().getId());
        zone.setWidthFull();
        zone.setHelperText(
                browser == null
                        ? getTranslation("sharedkernel.profile.browser-zone-unknown")
                        : getTranslation("sharedkernel.profile.browser-zone", browser.getId()));
        Paragraph now = new Paragraph();
        zone.addValueChangeListener(e -> now.setText(
                e.getValue() == null
                        ? ""
                        : getTranslation(
                                "sharedkernel.profile.now", Times.format(Instant.now(), ZoneId.of(e.getValue())))));
        now.setText(getTranslation("sharedkernel.profile.now", Times.format(Instant.now())));
        add(language, zone, now);
        this.sections = sections.stream().map(section -> section.editor(userId)).toList();
        this.sections.forEach(section -> add(section.component()));
        setWidth("min(34em, 100vw)");
        primaryAction(getTranslation("sharedkernel.save"), () -> {
            if (zone.getValue() == null) {
                zone.setInvalid(true);
                zone.setErrorMessage(getTranslation("sharedkernel.profile.choose-zone"));
                return false;
            }
            if (!this.sections.stream().allMatch(ProfileSection.Editor::validate)) {
                return false;
            }
            this.sections.forEach(ProfileSection.Editor::save);
            ZoneId chosen = ZoneId.of(zone.getValue());
            preference.choose(userId, chosen);
            Times.use(VaadinSession.getCurrent(), chosen);
            if (language.getValue() != null) {
                languages.chooseLanguage(userId, language.getValue());
                UiLanguage.use(VaadinSession.getCurrent(), language.getValue());
            }
            UI.getCurrent().getPage().reload();
            return true;
        });
    }
}
