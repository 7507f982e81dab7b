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
import java.util.UUID;

/**
 * A new improvement action: what to fix, the theme it fixes, an owner from the directory, a deadline, what it is
 * expected to bring, and the theme's recent cases to link (closed and unreachable ones included).
 */
class NewActionDialog extends Dialog {

    /** What the dialog needs, from whichever screen opens it. */
    record Services(Improvements improvements, Themes themes, Directory directory, Actor actor) {}

    /** Root causes as the log-resolution form names them. */
    static final List<String> ROOT_CAUSES = List.of(
            "billing",
            "communication",
            "delivery-delay",
            "other",
            "policy",
            "product-defect",
            "service-failure",
            "staff-behaviour");

    final TextField title = new TextField(getTranslation("insight.action.title"));
    final ComboBox<ThemeView> theme = new ComboBox<>(getTranslation("insight.column.theme"));
    final Select<String> rootCause = new Select<>();
    final ComboBox<String> owner = new ComboBox<>(getTranslation("insight.action.owner"));
    final DatePicker deadline = new DatePicker(getTranslation("insight.action.deadline"));
    final TextField expectedImpact = new TextField(getTranslation("insight.action.expected-impact"));
    final TextArea description = new TextArea(getTranslation("insight.action.description"));
    final Checkbox linkCases = new Checkbox();
    private final Services services;
    private final Runnable created;
    private List<UUID> themeCases = List.of();

    NewActionDialog(Services services, UUID themeId, Runnable created) {
        this.services = services;
        this.created = created;
        setHeaderTitle(getTranslation("insight.action.new"));
        title.setMaxLength(200);
        title.setRequired(true);
        description.setMaxLength(4000);
        expectedImpact.setMaxLength(500);
        expectedImpact.setHelperText(getTranslation("insight.action.expected-impact.helper"));
        rootCause.setLabel(getTranslation("insight.action.root-cause"));
        rootCause.setItems(ROOT_CAUSES);
        rootCause.setItemLabelGenerator(this::rootCause);
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
                title.setValue(getTranslation("insight.action.fix", t.name()));
            });
        }
        Button save = new Button(getTranslation("insight.action.create"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("insight.cancel"), e -> close()), save);
    }

    private String rootCause(String key) {
        return switch (key) {
            case "product-defect" -> getTranslation("insight.root-cause.product-defect");
            case "service-failure" -> getTranslation("insight.root-cause.service-failure");
            case "billing" -> getTranslation("insight.root-cause.billing");
            case "delivery-delay" -> getTranslation("insight.root-cause.delivery-delay");
            case "staff-behaviour" -> getTranslation("insight.root-cause.staff-behaviour");
            case "communication" -> getTranslation("insight.root-cause.communication");
            case "policy" -> getTranslation("insight.root-cause.policy");
            default -> getTranslation("insight.root-cause.other");
        };
    }

    private void themeChosen(ThemeView chosen) {
        themeCases = chosen == null ? List.of() : services.improvements().casesOfTheme(chosen.id());
        linkCases.setLabel(getTranslation("insight.action.link-cases", themeCases.size()));
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
            Notices.success(getTranslation("insight.action.created"));
            created.run();
            close();
        } catch (IllegalArgumentException invalid) {
            Notices.refused(invalid);
        }
    }
}
