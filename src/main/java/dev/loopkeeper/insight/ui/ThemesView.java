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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Themes · Loopkeeper")
@Menu(title = "Themes", order = 4.1, icon = "vaadin:tags")
@RolesAllowed({PROCESS_OWNERS, SUPERVISORS, ADMINS})
public class ThemesView extends VerticalLayout {

    final Grid<ThemeView> grid = new Grid<>(ThemeView.class, false);
    final Grid<ThemeSuggestions.Suggestion> suggested = new Grid<>(ThemeSuggestions.Suggestion.class, false);
    final ProgressBar retagBar = new ProgressBar();
    final Span retagText = new Span();
    final Button create = new Button("New theme", VaadinIcon.PLUS.create());
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
        grid.addColumn(ThemeView::name).setKey("name").setHeader("Theme").setFlexGrow(1);
        grid.addColumn(ThemesView::keywords)
                .setKey("keywords")
                .setHeader("Keywords")
                .setFlexGrow(3);
        grid.addColumn(t -> t.owner() == null ? "process owners" : t.owner())
                .setKey("owner")
                .setHeader("Hears of spikes");
        grid.addComponentColumn(this::actions).setKey("actions").setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        suggested
                .addColumn(ThemeSuggestions.Suggestion::phrase)
                .setKey("phrase")
                .setHeader("Word or phrase");
        suggested
                .addColumn(ThemeSuggestions.Suggestion::language)
                .setKey("language")
                .setHeader("Language");
        suggested
                .addColumn(ThemeSuggestions.Suggestion::comments)
                .setKey("comments")
                .setHeader("Comments");
        suggested
                .addColumn(s -> s.examples().stream()
                        .map(ThemeSuggestions.Example::excerpt)
                        .collect(Collectors.joining("  ·  ")))
                .setKey("examples")
                .setHeader("For example")
                .setFlexGrow(4);
        suggested.addComponentColumn(this::adopt).setKey("adopt").setHeader("").setAutoWidth(true);
        suggested.setAllRowsVisible(true);
        retagging.setWidthFull();
        add(
                new HorizontalLayout(new H2("Themes"), create),
                new Paragraph("Every response is tagged with the themes whose keywords it uses, in its own language; "
                        + "a keyword matches at the start of a word (\"refund\" finds \"refunded\"). The agent who "
                        + "resolves a case may correct its themes; their choice stays. A change here retags every "
                        + "other response in the background."),
                retagging,
                grid,
                new H3("Suggested themes"),
                new Paragraph(suggestions.basis()),
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
                        ? "Every response (" + progress.responses() + ") is tagged with the latest themes."
                        : "Retagging responses with the latest themes: " + (progress.responses() - progress.waiting())
                                + " of " + progress.responses() + " done.");
        retagBar.setVisible(!progress.done());
        getUI().ifPresent(ui -> ui.setPollInterval(progress.done() ? -1 : 1000));
    }

    private HorizontalLayout actions(ThemeView theme) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (actor.mayChangeModels()) {
            Button edit = new Button("Edit", e -> new ThemeDialog(theme).open());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.getElement().setAttribute("aria-label", "Edit " + theme.name());
            Button delete = new Button("Delete", e -> {
                act(() -> themes.delete(theme.id(), actor), "Theme deleted: " + theme.name());
            });
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("aria-label", "Delete " + theme.name());
            buttons.add(edit, delete);
        }
        if (theme.spiking()) {
            Span spike = new Span("rising");
            spike.getElement().getThemeList().add("badge error");
            buttons.add(spike);
        }
        return buttons;
    }

    private Button adopt(ThemeSuggestions.Suggestion suggestion) {
        Button make = new Button(
                "Make a theme",
                e -> act(
                        () -> suggestions.adopt(suggestion, actor),
                        "Theme created from \"" + suggestion.phrase() + "\""));
        make.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        make.getElement().setAttribute("aria-label", "Make a theme of " + suggestion.phrase());
        make.setVisible(actor.mayChangeModels());
        return make;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notices.success(done);
            refresh();
        } catch (IllegalArgumentException refused) {
            Notices.refused(refused.getMessage());
        }
    }

    static String keywords(ThemeView theme) {
        return theme.keywords().entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** Name, owner and the keywords of each language, one per line or separated by commas. */
    class ThemeDialog extends Dialog {

        final TextField name = new TextField("Name");
        final ComboBox<String> owner = new ComboBox<>("Owner (hears of spikes)");
        final Map<String, TextArea> keywords = new LinkedHashMap<>();

        ThemeDialog(ThemeView theme) {
            setHeaderTitle(theme == null ? "New theme" : "Edit " + theme.name());
            name.setMaxLength(80);
            name.setRequired(true);
            owner.setItems(directory.users());
            owner.setClearButtonVisible(true);
            owner.setHelperText("Empty: the process owners");
            FormLayout form = new FormLayout(name, owner);
            for (String language : themes.languages()) {
                TextArea words = new TextArea("Keywords (" + language + ")");
                words.setHelperText("One per line or separated by commas; a phrase may have several words");
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
            Button save = new Button("Save", e -> save(theme == null ? null : theme.id()));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(new Button("Cancel", e -> close()), save);
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
                Notices.success("Theme saved: " + draft.name() + ". Responses are being retagged.");
                close();
                refresh();
            } catch (IllegalArgumentException refused) {
                Notices.refused(refused.getMessage());
            }
        }
    }
}
