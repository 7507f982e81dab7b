package dev.loopkeeper.modeling.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.PROCESS_OWNERS;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.modeling.DeployedVersion;
import dev.loopkeeper.modeling.DeploymentRefused;
import dev.loopkeeper.modeling.Draft;
import dev.loopkeeper.modeling.Drafts;
import dev.loopkeeper.modeling.ModelDeployment;
import dev.loopkeeper.modeling.ModelDiff;
import dev.loopkeeper.modeling.ModelLibrary;
import dev.loopkeeper.modeling.ModelProblem;
import dev.loopkeeper.modeling.ModelVersion;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.Times;
import dev.loopkeeper.sharedkernel.ui.Translations;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Edits one draft in the browser editor for its kind: save, check (the deployment rules and the engine's
 * parse, with the offending elements outlined), compare with the version it came from, deploy, discard.
 */
@Route("models/drafts/:draftId")
@RolesAllowed({PROCESS_OWNERS, ADMINS})
public class DraftEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Span state = new Span();
    final Button save = new Button(getTranslation("modeling.editor.save"), VaadinIcon.DISC.create());
    final Button check = new Button(getTranslation("modeling.editor.check"), VaadinIcon.CHECK.create());
    final Button changes = new Button(getTranslation("modeling.editor.changes"), VaadinIcon.EXCHANGE.create());
    final Button deploy = new Button(getTranslation("modeling.editor.deploy-action"), VaadinIcon.UPLOAD.create());
    final Button discard = new Button(getTranslation("modeling.discard"), VaadinIcon.TRASH.create());
    final Grid<ModelProblem> problems = new Grid<>();

    private final Drafts drafts;
    private final ModelDeployment deployment;
    private final ModelLibrary library;
    private final Actor actor;
    private Draft draft;
    private ModelEditor editor;

    public DraftEditorView(Drafts drafts, ModelDeployment deployment, ModelLibrary library, CurrentUser currentUser) {
        this.drafts = drafts;
        this.deployment = deployment;
        this.library = library;
        this.actor = currentUser.require();
        setSizeFull();
        save.addClickListener(e -> withContent(content -> {
            saveDraft(content);
            ModelLibraryView.notify(getTranslation("modeling.editor.saved"), NotificationVariant.LUMO_SUCCESS);
        }));
        check.addClickListener(e -> withContent(content -> {
            saveDraft(content);
            List<ModelProblem> found = deployment.check(draft);
            showProblems(found);
            if (found.isEmpty()) {
                ModelLibraryView.notify(
                        getTranslation("modeling.editor.no-problems"), NotificationVariant.LUMO_SUCCESS);
            }
        }));
        changes.addClickListener(e -> withContent(content -> {
            saveDraft(content);
            Optional<ModelDiff> diff = deployment.diff(draft);
            if (diff.isEmpty()) {
                ModelLibraryView.notify(
                        getTranslation("modeling.editor.nothing-to-compare"), NotificationVariant.LUMO_CONTRAST);
            } else {
                ModelVersion base = library.version(draft.basedOnId()).orElseThrow();
                new ModelDiffDialog(base, draft, diff.get(), library.content(base)).open();
            }
        }));
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deploy.addClickListener(e -> withContent(content -> {
            saveDraft(content);
            List<ModelProblem> found = deployment.check(draft);
            showProblems(found);
            if (found.isEmpty()) {
                confirmDeploy();
            } else {
                ModelLibraryView.notify(
                        found.size() == 1
                                ? getTranslation("modeling.editor.problems.one", found.size())
                                : getTranslation("modeling.editor.problems.many", found.size()),
                        NotificationVariant.LUMO_ERROR);
            }
        }));
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        discard.addClickListener(e -> confirmDiscard());

        problems.addColumn(DraftEditorView::said)
                .setKey("message")
                .setHeader(getTranslation("modeling.column.problem"))
                .setFlexGrow(4);
        problems.addColumn(p -> p.elementId() == null ? "" : p.elementId())
                .setKey("element")
                .setHeader(getTranslation("modeling.column.element"))
                .setAutoWidth(true);
        problems.addColumn(p -> p.line() > 0 ? String.valueOf(p.line()) : "")
                .setKey("line")
                .setHeader(getTranslation("modeling.column.line"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(p -> p.resource() == null ? "" : p.resource())
                .setKey("resource")
                .setHeader(getTranslation("modeling.column.file"))
                .setAutoWidth(true);
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        problems.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue().elementId() != null && editor != null) {
                editor.reveal(e.getValue().elementId());
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Draft> found = event.getRouteParameters()
                .get("draftId")
                .flatMap(DraftEditorView::uuid)
                .flatMap(id -> drafts.find(actor, id));
        if (found.isEmpty()) {
            event.forwardTo(ModelLibraryView.class);
            return;
        }
        draft = found.get();
        removeAll();
        editor = ModelEditor.of(draft.kind());
        editor.addChangeListener(e -> state.setText(getTranslation("modeling.editor.unsaved")));
        editor.open(draft.content());
        title.setText(ModelLibraryView.kind(draft.kind()) + " " + draft.key());
        state.getElement().getThemeList().add("badge");
        state.setText(
                draft.basedOnVersion() == null
                        ? getTranslation("modeling.editor.new-model")
                        : getTranslation("modeling.editor.draft-of", draft.basedOnVersion()));
        HorizontalLayout toolbar = new HorizontalLayout(save, check, changes, deploy, discard);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        HorizontalLayout header = new HorizontalLayout(
                new RouterLink(getTranslation("modeling.editor.back"), ModelLibraryView.class), title, state);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(header, toolbar, editor, problems);
    }

    /** The editor holds the truth while the user edits; read it before acting. */
    private void withContent(Consumer<String> action) {
        editor.content(content -> {
            try {
                action.accept(content);
            } catch (IllegalArgumentException | IllegalStateException invalid) {
                ModelLibraryView.notify(Notices.said(invalid), NotificationVariant.LUMO_ERROR);
            }
        });
    }

    void saveDraft(String content) {
        draft = drafts.save(actor, draft.id(), content);
        state.setText(getTranslation("modeling.editor.saved-at", Times.format(draft.updatedAt())));
    }

    void showProblems(List<ModelProblem> found) {
        problems.setItems(found);
        problems.setVisible(!found.isEmpty());
        editor.mark(found.stream()
                .map(p -> new ModelEditor.Marker(p.elementId(), ModelEditor.Marker.Kind.PROBLEM, said(p)))
                .toList());
    }

    /** A problem in the reader's language when our rules found it; the engine's own parse errors as it wrote them. */
    static String said(ModelProblem problem) {
        return problem.words() == null ? problem.message() : Translations.say(problem.words());
    }

    private void confirmDeploy() {
        TextArea note = new TextArea(getTranslation("modeling.editor.deploy.note"));
        note.setMaxLength(1000);
        note.setWidthFull();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("modeling.editor.deploy.title", draft.key()));
        confirm.add(new Paragraph(getTranslation("modeling.editor.deploy.text")), note);
        confirm.setCancelable(true);
        confirm.setConfirmText(getTranslation("modeling.editor.deploy"));
        confirm.setCancelText(getTranslation("modeling.cancel"));
        confirm.addConfirmListener(e -> deploy(note.getValue()));
        confirm.open();
    }

    void deploy(String note) {
        try {
            DeployedVersion deployed = deployment.deploy(actor, draft.id(), note);
            ModelLibraryView.notify(
                    getTranslation(
                            "modeling.deployed",
                            deployed.model().key(),
                            deployed.model().version()),
                    NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent()
                    .navigate(
                            ModelLibraryView.class,
                            ModelLibraryView.selecting(
                                    deployed.model().kind(), deployed.model().key()));
        } catch (DeploymentRefused refused) {
            showProblems(refused.problems());
            ModelLibraryView.notify(getTranslation("modeling.editor.refused"), NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmDiscard() {
        ConfirmDialog confirm = new ConfirmDialog(
                getTranslation("modeling.editor.discard.title"),
                getTranslation("modeling.editor.discard.text", draft.key()),
                getTranslation("modeling.discard"),
                e -> {
                    drafts.discard(actor, draft.id());
                    UI.getCurrent().navigate(ModelLibraryView.class);
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelText(getTranslation("modeling.cancel"));
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("modeling.editor.title") + " · Loopkeeper";
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
