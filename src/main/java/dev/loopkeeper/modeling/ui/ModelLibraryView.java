package dev.loopkeeper.modeling.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.PROCESS_OWNERS;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.modeling.DeployedVersion;
import dev.loopkeeper.modeling.DeploymentRefused;
import dev.loopkeeper.modeling.Draft;
import dev.loopkeeper.modeling.Drafts;
import dev.loopkeeper.modeling.InstanceMigration;
import dev.loopkeeper.modeling.Model;
import dev.loopkeeper.modeling.ModelDeployment;
import dev.loopkeeper.modeling.ModelKind;
import dev.loopkeeper.modeling.ModelLibrary;
import dev.loopkeeper.modeling.ModelVersion;
import dev.loopkeeper.modeling.process.DeploymentRules;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The library of models: every process, decision and form the engine runs, each version with who deployed
 * it and how many running cases use it; the process owner's drafts; and from here, editing, comparing,
 * rolling back, downloading and migrating cases.
 */
@Route("models")
@PageTitle("Models · Loopkeeper")
@Menu(title = "Models", order = 6, icon = "vaadin:file-tree")
@RolesAllowed({PROCESS_OWNERS, ADMINS})
public class ModelLibraryView extends VerticalLayout implements BeforeEnterObserver {

    final Grid<Model> models = new Grid<>();
    final Grid<ModelVersion> versions = new Grid<>();
    final Grid<Draft> drafts = new Grid<>();
    final H3 versionsTitle = new H3("Versions");
    final Button compare = new Button("Compare selected versions", VaadinIcon.EXCHANGE.create());

    private final ModelLibrary library;
    private final Drafts draftBook;
    private final ModelDeployment deployment;
    private final InstanceMigration migration;
    private final Actor actor;

    public ModelLibraryView(
            ModelLibrary library,
            Drafts draftBook,
            ModelDeployment deployment,
            InstanceMigration migration,
            DeploymentRules rules,
            CurrentUser currentUser) {
        this.library = library;
        this.draftBook = draftBook;
        this.deployment = deployment;
        this.migration = migration;
        this.actor = currentUser.require();
        setSizeFull();

        models.addColumn(m -> m.kind().label())
                .setKey("kind")
                .setHeader("Kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        models.addColumn(Model::name).setKey("name").setHeader("Name").setFlexGrow(2);
        models.addColumn(Model::key).setKey("key").setHeader("Key").setFlexGrow(2);
        models.addColumn(m -> m.latest().version())
                .setKey("latest")
                .setHeader("Latest version")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        models.addColumn(m -> m.versions().size())
                .setKey("versions")
                .setHeader("Versions")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        models.addColumn(m -> m.kind() == ModelKind.PROCESS ? String.valueOf(m.runningInstances()) : "")
                .setKey("running")
                .setHeader("Running cases")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        models.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        // a handful of models: all in view, none hidden below a scroll bar
        models.setAllRowsVisible(true);
        models.asSingleSelect().addValueChangeListener(e -> showVersions(e.getValue()));

        versions.setSelectionMode(Grid.SelectionMode.MULTI);
        versions.addColumn(ModelVersion::version)
                .setKey("version")
                .setHeader("Version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(v -> v.deployedAt() == null ? "" : Times.format(v.deployedAt()))
                .setKey("deployedAt")
                .setHeader("Deployed")
                .setAutoWidth(true);
        versions.addColumn(ModelVersion::deployedByLabel)
                .setKey("deployedBy")
                .setHeader("By")
                .setAutoWidth(true);
        versions.addColumn(v -> v.note() == null ? "" : v.note())
                .setKey("note")
                .setHeader("Note")
                .setWidth("8em")
                .setFlexGrow(2)
                .setTooltipGenerator(v -> v.note() == null ? "" : v.note());
        versions.addColumn(v -> v.kind() == ModelKind.PROCESS ? String.valueOf(v.runningInstances()) : "")
                .setKey("running")
                .setHeader("Running cases")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        // frozen to the end and measured again for every model: Edit, Download, Roll back and Migrate cases stay
        // in view at 1440 px however long the notes are
        versions.addComponentColumn(this::versionActions)
                .setKey("actions")
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        versions.addThemeVariants(GridVariant.LUMO_COMPACT);
        versions.setHeight("30vh");
        versions.addSelectionListener(
                e -> compare.setEnabled(e.getAllSelectedItems().size() == 2));
        compare.setEnabled(false);
        compare.addClickListener(e -> compareSelected());

        drafts.addColumn(d -> d.kind().label() + " " + d.key())
                .setKey("model")
                .setHeader("Draft")
                .setFlexGrow(2);
        drafts.addColumn(d -> d.basedOnVersion() == null ? "new" : "version " + d.basedOnVersion())
                .setKey("basedOn")
                .setHeader("Based on")
                .setAutoWidth(true);
        drafts.addColumn(d -> Times.format(d.updatedAt()))
                .setKey("saved")
                .setHeader("Saved")
                .setAutoWidth(true);
        drafts.addComponentColumn(this::draftActions)
                .setKey("actions")
                .setHeader("")
                .setAutoWidth(true);
        drafts.addThemeVariants(GridVariant.LUMO_COMPACT);
        drafts.setAllRowsVisible(true);

        Upload upload = new Upload(UploadHandler.inMemory(
                (metadata, data) -> startFromFile(metadata.fileName(), new String(data, StandardCharsets.UTF_8))));
        upload.setAcceptedFileTypes(".bpmn", ".dmn", ".form");
        upload.setMaxFileSize(2_000_000);
        upload.setDropLabel(
                new Span("Drop a .bpmn, .dmn or .form file (from Camunda Modeler, say) to edit it " + "as a draft"));
        upload.setUploadButton(new Button("Open a file…", VaadinIcon.UPLOAD.create()));

        HorizontalLayout versionBar = new HorizontalLayout(versionsTitle, compare);
        versionBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(
                new H2("Models"),
                new Paragraph("The processes, decision tables and forms the engine runs. Edit a version to start "
                        + "your draft of it; the editor checks and deploys it. Every deployment must pass the "
                        + "deployment rules, also from Camunda Modeler through /engine-rest."),
                models,
                versionBar,
                versions,
                new H3("My drafts"),
                drafts,
                upload,
                allowList(rules));
        refresh(null);
    }

    /** ?model=process/closed-loop selects that model, e.g. after a deployment. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("model").ifPresent(path -> {
            String[] parts = path.split("/", 2);
            if (parts.length == 2) {
                models.getListDataView()
                        .getItems()
                        .filter(m -> m.kind().name().equalsIgnoreCase(parts[0])
                                && m.key().equals(parts[1]))
                        .findFirst()
                        .ifPresent(models::select);
            }
        });
    }

    void refresh(Model keep) {
        List<Model> all = library.models();
        models.setItems(all);
        Optional.ofNullable(keep)
                .flatMap(k -> all.stream()
                        .filter(m -> m.kind() == k.kind() && m.key().equals(k.key()))
                        .findFirst())
                .ifPresent(models::select);
        drafts.setItems(draftBook.mine(actor));
    }

    private void showVersions(Model model) {
        versions.deselectAll();
        if (model == null) {
            versionsTitle.setText("Versions");
            versions.setItems(List.of());
            return;
        }
        versionsTitle.setText("Versions of " + model.kind().label().toLowerCase() + " " + model.key());
        versions.setItems(model.versions());
        versions.recalculateColumnWidths();
    }

    private Component versionActions(ModelVersion version) {
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> edit(version));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = library.content(version).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            ModelLibrary.fileName(version),
                            version.kind() == ModelKind.FORM ? "application/json" : "application/xml",
                            bytes.length);
                }),
                "Download");
        download.getElement().setAttribute("download", true);
        HorizontalLayout actions = new HorizontalLayout(edit, download);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Model model = models.asSingleSelect().getValue();
        boolean latest = model != null && model.latest().definitionId().equals(version.definitionId());
        if (!latest) {
            Button rollBack =
                    new Button("Roll back to this", VaadinIcon.ROTATE_LEFT.create(), e -> confirmRollBack(version));
            rollBack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(rollBack);
            if (version.kind() == ModelKind.PROCESS && version.runningInstances() > 0) {
                Button migrate = new Button(
                        "Migrate cases",
                        VaadinIcon.FORWARD.create(),
                        e -> new MigrationDialog(migration, actor, version, model.latest(), () -> refresh(model))
                                .open());
                migrate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                actions.add(migrate);
            }
        }
        return actions;
    }

    void edit(ModelVersion version) {
        Draft draft = draftBook.open(actor, version.definitionId());
        UI.getCurrent()
                .navigate(
                        DraftEditorView.class,
                        new RouteParameters("draftId", draft.id().toString()));
    }

    void startFromFile(String fileName, String content) {
        try {
            Draft draft = draftBook.start(actor, fileName, content);
            UI.getCurrent()
                    .navigate(
                            DraftEditorView.class,
                            new RouteParameters("draftId", draft.id().toString()));
        } catch (IllegalArgumentException unreadable) {
            notify(unreadable.getMessage(), NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmRollBack(ModelVersion version) {
        TextField note = new TextField("Why");
        note.setWidthFull();
        note.setPlaceholder("Rolled back to version " + version.version());
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Roll back " + version.key() + " to version " + version.version() + "?");
        confirm.add(
                new Paragraph("Its file is deployed again as a new version, with the current versions of the "
                        + "models deployed with it. New cases start on it; running cases stay where they are until you "
                        + "migrate them."),
                note);
        confirm.setCancelable(true);
        confirm.setConfirmText("Roll back");
        confirm.addConfirmListener(e -> {
            try {
                DeployedVersion deployed = deployment.rollBack(actor, version.definitionId(), note.getValue());
                notify(
                        "Deployed " + version.key() + " version "
                                + deployed.model().version(),
                        NotificationVariant.LUMO_SUCCESS);
                refresh(models.asSingleSelect().getValue());
            } catch (DeploymentRefused refused) {
                notify("Roll-back refused: " + refused.getMessage(), NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.open();
    }

    private void compareSelected() {
        List<ModelVersion> selected = new ArrayList<>(versions.getSelectedItems());
        selected.sort((a, b) -> Integer.compare(a.version(), b.version()));
        new ModelDiffDialog(
                        selected.get(0),
                        selected.get(1),
                        deployment.diff(
                                selected.get(0).definitionId(), selected.get(1).definitionId()),
                        library.content(selected.get(0)),
                        library.content(selected.get(1)))
                .open();
    }

    private Component draftActions(Draft draft) {
        Button open = new Button(
                "Open",
                VaadinIcon.EDIT.create(),
                e -> UI.getCurrent()
                        .navigate(
                                DraftEditorView.class,
                                new RouteParameters("draftId", draft.id().toString())));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button discard = new Button("Discard", VaadinIcon.TRASH.create(), e -> {
            draftBook.discard(actor, draft.id());
            refresh(models.asSingleSelect().getValue());
        });
        discard.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(open, discard);
    }

    private static Details allowList(DeploymentRules rules) {
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(new Paragraph("Expressions (${…}) in models may use process variables, execution and task as "
                + "values, now() and dateTime(), decisionResult, and these beans:"));
        content.add(new Paragraph("Delegates and listeners (by name only): "
                + String.join(", ", rules.allowList().delegates())));
        for (Map.Entry<String, ? extends Set<String>> bean :
                rules.allowList().methods().entrySet()) {
            content.add(new Paragraph(bean.getKey() + ": "
                    + String.join(
                            ", ",
                            bean.getValue().stream()
                                    .map(m -> bean.getKey() + "." + m + "(…)")
                                    .toList())));
        }
        content.add(new Span("No script tasks, script listeners or script conditions, no Java classes "
                + "(camunda:class), no DOCTYPE. Every user task needs a candidate group or assignee and a form."));
        return new Details("Deployment rules and the expression allow-list", content);
    }

    static void notify(String text, NotificationVariant variant) {
        Notification.show(
                        text,
                        variant == NotificationVariant.LUMO_ERROR ? 8000 : 3000,
                        Notification.Position.BOTTOM_START)
                .addThemeVariants(variant);
    }

    /** The library's link for a model, with the model selected. */
    static QueryParameters selecting(ModelKind kind, String key) {
        return QueryParameters.of("model", kind.name().toLowerCase() + "/" + key);
    }
}
