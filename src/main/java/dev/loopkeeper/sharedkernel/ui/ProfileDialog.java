package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import dev.loopkeeper.sharedkernel.ZonePreference;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * The user's own settings: the time zone every screen shows times in (the browser's until they choose), and the
 * sections modules add (which alerts, how and when).
 */
class ProfileDialog extends ActionDialog {

    final ComboBox<String> zone = new ComboBox<>("Time zone");

    final List<ProfileSection.Editor> sections;

    ProfileDialog(String userId, ZonePreference preference, ZoneId browser, List<ProfileSection> sections) {
        super("Your profile");
        zone.setItems(List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds())));
        zone.setValue(Times.zone().getId());
        zone.setWidthFull();
        zone.setHelperText("Your browser says " + (browser == null ? "nothing" : browser.getId()) + ".");
        Paragraph now = new Paragraph();
        zone.addValueChangeListener(e -> now.setText(
                e.getValue() == null ? "" : "Now: " + Times.format(Instant.now(), ZoneId.of(e.getValue()))));
        now.setText("Now: " + Times.format(Instant.now()));
        add(zone, now);
        this.sections = sections.stream().map(section -> section.editor(userId)).toList();
        this.sections.forEach(section -> add(section.component()));
        setWidth("min(34em, 100vw)");
        primaryAction("Save", () -> {
            if (zone.getValue() == null) {
                zone.setInvalid(true);
                zone.setErrorMessage("Choose a time zone");
                return false;
            }
            if (!this.sections.stream().allMatch(ProfileSection.Editor::validate)) {
                return false;
            }
            this.sections.forEach(ProfileSection.Editor::save);
            ZoneId chosen = ZoneId.of(zone.getValue());
            preference.choose(userId, chosen);
            Times.use(VaadinSession.getCurrent(), chosen);
            UI.getCurrent().getPage().reload();
            return true;
        });
    }
}
