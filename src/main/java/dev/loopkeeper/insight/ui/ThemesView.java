package dev.loopkeeper.insight.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.PROCESS_OWNERS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.insight.RetagProgress;
import dev.loopkeeper.insight.ThemeDraft;
import dev.loopkeeper.insight.ThemeSuggestions;
import dev.loopkeeper.insight.ThemeView;
import dev.loopkeeper.insight.Themes;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The taxonomy of themes, edited by process owners (supervisors read it), the background retagging after a change,
 * and the suggested themes: what recent detractors and passives say often that no theme covers yet.
 */
@Route("themes")
@Menu(title = "Themes", order = 4.1, icon = "vaadin:tags")
@RolesAllowed({PROCESS_OWNERS, SUPERVISORS, ADMINS})
public class ThemesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ThemeView> grid = new Grid<>(ThemeView.class, false);
    final Grid<ThemeSuggestions.Suggestion> suggested = new Grid<>(ThemeSuggestions.Suggestion.class, false);
    final ProgressBar retagBar = new ProgressBar();
    final Span retagText = new Span();
    final Button create = new Button(getTranslation("insight.themes.new"), VaadinIcon.PLUS.create());
    private final Div retagging = new Div(retagText, retagBar);
    private final Themes themes;
    private final ThemeSuggestions suggestions;
    private final Directory directory;
    private final Actor actor;
    private Registration polling;

    public ThemesView(Themes themes, ThemeSuggestions suggestions, Directory directory, CurrentUser currentUser) {
        this.themes = themes;
        this.suggestions = suggestions;
        this.directory = directory;
        this.actor = currentUser.require();
        setWidthFull();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new ThemeDialog(null).open());
        create.setVisible(actor.mayChangeModels());
        grid.addColumn(ThemeView::name)
                .setKey("name")
                .setHeader(getTranslation("insight.column.theme"))
                .setFlexGrow(1);
        grid.addColumn(ThemesView::keywords)
                .setKey("keywords")
                .setHeader(getTranslation("insight.themes.column.keywords"))
                .setFlexGrow(3);
        grid.addColumn(t -> t.owner() == null ? getTranslation("insight.themes.process-owners") : t.owner())
                .setKey("owner")
                .setHeader(getTranslation("insight.themes.column.owner"));
        grid.addComponentColumn(this::actions).setKey("actions").setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        suggested
                .addColumn(ThemeSuggestions.Suggestion::phrase)
                .setKey("phrase")
                .setHeader(getTranslation("insight.themes.column.phrase"));
        suggested
                .addColumn(ThemeSuggestions.Suggestion::language)
                .setKey("language")
                .setHeader(getTranslation("insight.themes.column.language"));
        suggested
                .addColumn(ThemeSuggestions.Suggestion::comments)
                .setKey("comments")
                .setHeader(getTranslation("insight.themes.column.comments"));
        suggested
                .addColumn(s -> s.examples().stream()
                        .map(ThemeSuggestions.Example::excerpt)
                        .collect(Collectors.joining("  ·  ")))
                .setKey("examples")
                .setHeader(getTranslation("insight.themes.column.examples"))
                .setFlexGrow(4);
        suggested.addComponentColumn(this::adopt).setKey("adopt").setHeader("").setAutoWidth(true);
        suggested.setAllRowsVisible(true);
        retagging.setWidthFull();
        add(
                new HorizontalLayout(new H2(getTranslation("menu.themes")), create),
                new Paragraph(getTranslation("insight.themes.intro")),
                retagging,
                grid,
                new H3(getTranslation("insight.themes.suggested")),
                new Paragraph(getTranslation(
                        "insight.themes.basis",
                        suggestions.basis().sample(),
                        suggestions.basis().window().toDays(),
                        suggestions.basis().minimum())),
                suggested);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        polling = attach.getUI().addPollListener(e -> showRetagging());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    void refresh() {
        grid.setItems(themes.list());
        suggested.setItems(suggestions.suggestions());
        showRetagging();
    }

    void showRetagging() {
        RetagProgress progress = themes.retagging();
        retagBar.setValue(progress.fraction());
        retagText.setText(
                progress.done()
                        ? getTranslation("insight.themes.tagged", progress.responses())
                        : getTranslation(
                                "insight.themes.retagging",
                                progress.responses() - progress.waiting(),
                                progress.responses()));
        retagBar.setVisible(!progress.done());
        getUI().ifPresent(ui -> ui.setPollInterval(progress.done() ? -1 : 1000));
    }

    private HorizontalLayout actions(ThemeView theme) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (actor.mayChangeModels()) {
            Button edit = new Button(getTranslation("insight.themes.edit"), e -> new ThemeDialog(theme).open());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.getElement().setAttribute("aria-label", getTranslation("insight.themes.edit-name", theme.name()));
            Button delete = new Button(getTranslation("insight.themes.delete"), e -> {
                act(() -> themes.delete(theme.id(), actor), getTranslation("insight.themes.deleted", theme.name()));
            });
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("aria-label", getTranslation("insight.themes.delete-name", theme.name()));
            buttons.add(edit, delete);
        }
        if (theme.spiking()) {
            Span spike = new Span(getTranslation("insight.themes.rising"));
            spike.getElement().getThemeList().add("badge error");
            buttons.add(spike);
        }
        return buttons;
    }

    private Button adopt(ThemeSuggestions.Suggestion suggestion) {
        Button make = new Button(
                getTranslation("insight.themes.adopt"),
                e -> act(
                        () -> suggestions.adopt(suggestion, actor),
                        getTranslation("insight.themes.adopted", suggestion.phrase())));
        make.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        make.getElement()
                .setAttribute("aria-label", getTranslation("insight.themes.adopt-phrase", suggestion.phrase()));
        make.setVisible(actor.mayChangeModels());
        return make;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notices.success(done);
            refresh();
        } catch (IllegalArgumentException refused) {
            Notices.refused(refused);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.themes") + " · Loopkeeper";
    }

    static String keywords(ThemeView theme) {
        return theme.keywords().entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** Name, owner and the keywords of each language, one per line or separated by commas. */
    class ThemeDialog extends Dialog {

        final TextField name = new TextField(getTranslation("insight.themes.dialog.name"));
        final ComboBox<String> owner = new ComboBox<>(getTranslation("insight.themes.dialog.owner"));
        final Map<String, TextArea> keywords = new LinkedHashMap<>();

        ThemeDialog(ThemeView theme) {
            setHeaderTitle(
                    theme == null
                            ? getTranslation("insight.themes.new")
                            : getTranslation("insight.themes.edit-name", theme.name()));
            name.setMaxLength(80);
            name.setRequired(true);
            owner.setItems(directory.users());
            owner.setClearButtonVisible(true);
            owner.setHelperText(getTranslation("insight.themes.dialog.owner.helper"));
            FormLayout form = new FormLayout(name, owner);
            for (String language : themes.languages()) {
                TextArea words = new TextArea(getTranslation("insight.themes.dialog.keywords", language));
                words.setHelperText(getTranslation("insight.themes.dialog.keywords.helper"));
                keywords.put(language, words);
                form.add(words);
            }
            if (theme != null) {
                name.setValue(theme.name());
                if (theme.owner() != null) {
                    owner.setValue(theme.owner());
                }
                theme.keywords().forEach((language, words) -> {
                    if (keywords.containsKey(language)) {
                        keywords.get(language).setValue(String.join("\n", words));
                    }
                });
            }
            add(form);
            Button save = new Button(getTranslation("insight.save"), e -> save(theme == null ? null : theme.id()));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(new Button(getTranslation("insight.cancel"), e -> close()), save);
        }

        private void save(UUID id) {
            try {
                Map<String, List<String>> words = new LinkedHashMap<>();
                keywords.forEach((language, area) -> words.put(language, ThemeDraft.phrases(area.getValue())));
                ThemeDraft draft = new ThemeDraft(name.getValue(), owner.getValue(), words);
                if (id == null) {
                    themes.create(draft, actor);
                } else {
                    themes.update(id, draft, actor);
                }
                Notices.success(getTranslation("insight.themes.saved", draft.name()));
                close();
                refresh();
            } catch (IllegalArgumentException refused) {
                Notices.refused(refused);
            }
        }
    }
}
