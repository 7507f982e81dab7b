package dev.loopkeeper.insight.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.insight.NewImprovement;
import dev.loopkeeper.insight.ThemeView;
import dev.loopkeeper.insight.Themes;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.Notices;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A new improvement action: what to fix, the theme it fixes, an owner from the directory, a deadline, what it is
 * expected to bring, and the theme's recent cases to link (closed and unreachable ones included).
 */
class NewActionDialog extends Dialog {

    /** What the dialog needs, from whichever screen opens it. */
    record Services(Improvements improvements, Themes themes, Directory directory, Actor actor) {}

    /** Root causes as the log-resolution form names them. */
    static final Map<String, String> ROOT_CAUSES = Map.of(
            "product-defect",
            "Product defect",
            "service-failure",
            "Service failure",
            "billing",
            "Billing",
            "delivery-delay",
            "Delivery or installation delay",
            "staff-behaviour",
            "Staff behaviour",
            "communication",
            "Communication",
            "policy",
            "Policy or price",
            "other",
            "Other");

    final TextField title = new TextField("Title");
    final ComboBox<ThemeView> theme = new ComboBox<>("Theme");
    final Select<String> rootCause = new Select<>();
    final ComboBox<String> owner = new ComboBox<>("Owner");
    final DatePicker deadline = new DatePicker("Deadline");
    final TextField expectedImpact = new TextField("Expected impact");
    final TextArea description = new TextArea("What to change");
    final Checkbox linkCases = new Checkbox();
    private final Services services;
    private final Runnable created;
    private List<UUID> themeCases = List.of();

    NewActionDialog(Services services, UUID themeId, Runnable created) {
        this.services = services;
        this.created = created;
        setHeaderTitle("New improvement action");
        title.setMaxLength(200);
        title.setRequired(true);
        description.setMaxLength(4000);
        expectedImpact.setMaxLength(500);
        expectedImpact.setHelperText("e.g. detractors about refunds halved within a quarter");
        rootCause.setLabel("Root cause");
        rootCause.setItems(ROOT_CAUSES.keySet().stream().sorted().toList());
        rootCause.setItemLabelGenerator(ROOT_CAUSES::get);
        List<ThemeView> themes = services.themes().list();
        theme.setItems(themes);
        theme.setItemLabelGenerator(ThemeView::name);
        theme.setClearButtonVisible(true);
        theme.addValueChangeListener(e -> themeChosen(e.getValue()));
        owner.setItems(services.directory().users());
        owner.setRequired(true);
        deadline.setRequired(true);
        linkCases.setVisible(false);
        FormLayout form =
                new FormLayout(title, theme, owner, deadline, rootCause, expectedImpact, description, linkCases);
        form.setColspan(description, 2);
        form.setColspan(linkCases, 2);
        add(form);
        if (themeId != null) {
            themes.stream().filter(t -> t.id().equals(themeId)).findFirst().ifPresent(t -> {
                theme.setValue(t);
                title.setValue("Fix: " + t.name());
            });
        }
        Button save = new Button("Create", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void themeChosen(ThemeView chosen) {
        themeCases = chosen == null ? List.of() : services.improvements().casesOfTheme(chosen.id());
        linkCases.setLabel("Link the " + themeCases.size() + " case(s) that raised it lately (open, closed and "
                + "unreachable alike): their customers hear of the fix");
        linkCases.setValue(!themeCases.isEmpty());
        linkCases.setVisible(chosen != null);
    }

    private void save() {
        try {
            services.improvements()
                    .create(
                            new NewImprovement(
                                    title.getValue(),
                                    description.getValue(),
                                    rootCause.getValue(),
                                    owner.getValue() == null ? null : owner.getValue(),
                                    deadline.isEmpty()
                                            ? null
                                            : deadline.getValue()
                                                    .atTime(LocalTime.of(17, 0))
                                                    .atZone(ZoneId.systemDefault())
                                                    .toInstant(),
                                    theme.getValue() == null
                                            ? null
                                            : theme.getValue().id(),
                                    expectedImpact.getValue(),
                                    linkCases.getValue() ? themeCases : List.of()),
                            services.actor());
            Notices.success("Improvement action created");
            created.run();
            close();
        } catch (IllegalArgumentException invalid) {
            Notices.refused(invalid.getMessage());
        }
    }
}
