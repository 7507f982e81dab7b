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
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.Times;
import dev.loopkeeper.sharedkernel.ui.UploadLimit;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The library of models: every process, decision and form the engine runs, each version with who deployed
 * it and how many running cases use it; the process owner's drafts; and from here, editing, comparing,
 * rolling back, downloading and migrating cases.
 */
@Route("models")
@Menu(title = "Models", order = 6, icon = "vaadin:file-tree")
@RolesAllowed({PROCESS_OWNERS, ADMINS})
public class ModelLibraryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A model file is read whole; the largest we ship is a few tens of kilobytes. */
    static final int MODEL_FILE_BYTES = 2_000_000;

    final Grid<Model> models = new Grid<>();
    final Grid<ModelVersion> versions = new Grid<>();
    final Grid<Draft> drafts = new Grid<>();
    final H3 versionsTitle = new H3(getTranslation("modeling.library.versions"));
    final Button compare = new Button(getTranslation("modeling.library.compare"), VaadinIcon.EXCHANGE.create());

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

        models.addColumn(m -> kind(m.kind()))
                .setKey("kind")
                .setHeader(getTranslation("modeling.column.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        models.addColumn(Model::name)
                .setKey("name")
                .setHeader(getTranslation("modeling.column.name"))
                .setFlexGrow(2);
        models.addColumn(Model::key)
                .setKey("key")
                .setHeader(getTranslation("modeling.column.key"))
                .setFlexGrow(2);
        models.addColumn(m -> m.latest().version())
                .setKey("latest")
                .setHeader(getTranslation("modeling.column.latest"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        models.addColumn(m -> m.versions().size())
                .setKey("versions")
                .setHeader(getTranslation("modeling.library.versions"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        models.addColumn(m -> m.kind() == ModelKind.PROCESS ? String.valueOf(m.runningInstances()) : "")
                .setKey("running")
                .setHeader(getTranslation("modeling.column.running"))
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
                .setHeader(getTranslation("modeling.column.version"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(v -> v.deployedAt() == null ? "" : Times.format(v.deployedAt()))
                .setKey("deployedAt")
                .setHeader(getTranslation("modeling.column.deployed"))
                .setAutoWidth(true);
        versions.addColumn(ModelVersion::deployedByLabel)
                .setKey("deployedBy")
                .setHeader(getTranslation("modeling.column.by"))
                .setAutoWidth(true);
        versions.addColumn(v -> v.note() == null ? "" : v.note())
                .setKey("note")
                .setHeader(getTranslation("modeling.column.note"))
                .setWidth("8em")
                .setFlexGrow(2)
                .setTooltipGenerator(v -> v.note() == null ? "" : v.note());
        versions.addColumn(v -> v.kind() == ModelKind.PROCESS ? String.valueOf(v.runningInstances()) : "")
                .setKey("running")
                .setHeader(getTranslation("modeling.column.running"))
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

        drafts.addColumn(d -> kind(d.kind()) + " " + d.key())
                .setKey("model")
                .setHeader(getTranslation("modeling.column.draft"))
                .setFlexGrow(2);
        drafts.addColumn(d -> d.basedOnVersion() == null
                        ? getTranslation("modeling.library.new")
                        : getTranslation("modeling.library.version", d.basedOnVersion()))
                .setKey("basedOn")
                .setHeader(getTranslation("modeling.column.based-on"))
                .setAutoWidth(true);
        drafts.addColumn(d -> Times.format(d.updatedAt()))
                .setKey("saved")
                .setHeader(getTranslation("modeling.column.saved"))
                .setAutoWidth(true);
        drafts.addComponentColumn(this::draftActions)
                .setKey("actions")
                .setHeader("")
                .setAutoWidth(true);
        drafts.addThemeVariants(GridVariant.LUMO_COMPACT);
        drafts.setAllRowsVisible(true);

        Upload upload = new Upload(UploadLimit.of(
                MODEL_FILE_BYTES,
                UploadHandler.inMemory((metadata, data) ->
                        startFromFile(metadata.fileName(), new String(data, StandardCharsets.UTF_8)))));
        upload.setAcceptedFileTypes(".bpmn", ".dmn", ".form");
        upload.setMaxFileSize(MODEL_FILE_BYTES);
        upload.setDropLabel(new Span(getTranslation("modeling.library.drop")));
        upload.setUploadButton(new Button(getTranslation("modeling.library.open-file"), VaadinIcon.UPLOAD.create()));

        HorizontalLayout versionBar = new HorizontalLayout(versionsTitle, compare);
        versionBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(
                new H2(getTranslation("menu.models")),
                new Paragraph(getTranslation("modeling.library.intro")),
                models,
                versionBar,
                versions,
                new H3(getTranslation("modeling.library.my-drafts")),
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
            versionsTitle.setText(getTranslation("modeling.library.versions"));
            versions.setItems(List.of());
            return;
        }
        versionsTitle.setText(getTranslation("modeling.library.versions-of", inline(model.kind()), model.key()));
        versions.setItems(model.versions());
        versions.recalculateColumnWidths();
    }

    private Component versionActions(ModelVersion version) {
        Button edit = new Button(getTranslation("modeling.library.edit"), VaadinIcon.EDIT.create(), e -> edit(version));
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
                getTranslation("modeling.library.download"));
        download.getElement().setAttribute("download", true);
        HorizontalLayout actions = new HorizontalLayout(edit, download);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Model model = models.asSingleSelect().getValue();
        boolean latest = model != null && model.latest().definitionId().equals(version.definitionId());
        if (!latest) {
            Button rollBack = new Button(
                    getTranslation("modeling.library.roll-back-to-this"),
                    VaadinIcon.ROTATE_LEFT.create(),
                    e -> confirmRollBack(version));
            rollBack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(rollBack);
            if (version.kind() == ModelKind.PROCESS && version.runningInstances() > 0) {
                Button migrate = new Button(
                        getTranslation("modeling.library.migrate"),
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
            notify(Notices.said(unreadable), NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmRollBack(ModelVersion version) {
        TextField note = new TextField(getTranslation("modeling.library.why"));
        note.setWidthFull();
        note.setPlaceholder(getTranslation("modeling.library.rolled-back", version.version()));
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("modeling.library.roll-back.title", version.key(), version.version()));
        confirm.add(new Paragraph(getTranslation("modeling.library.roll-back.text")), note);
        confirm.setCancelable(true);
        confirm.setConfirmText(getTranslation("modeling.library.roll-back"));
        confirm.setCancelText(getTranslation("modeling.cancel"));
        confirm.addConfirmListener(e -> {
            try {
                DeployedVersion deployed = deployment.rollBack(actor, version.definitionId(), note.getValue());
                notify(
                        getTranslation(
                                "modeling.deployed",
                                version.key(),
                                deployed.model().version()),
                        NotificationVariant.LUMO_SUCCESS);
                refresh(models.asSingleSelect().getValue());
            } catch (DeploymentRefused refused) {
                notify(
                        getTranslation(
                                "modeling.library.roll-back.refused",
                                refused.problems().stream()
                                        .map(p -> (p.resource() == null ? "" : p.resource() + ": ")
                                                + DraftEditorView.said(p))
                                        .collect(Collectors.joining("; "))),
                        NotificationVariant.LUMO_ERROR);
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
                getTranslation("modeling.library.open"),
                VaadinIcon.EDIT.create(),
                e -> UI.getCurrent()
                        .navigate(
                                DraftEditorView.class,
                                new RouteParameters("draftId", draft.id().toString())));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button discard = new Button(getTranslation("modeling.discard"), VaadinIcon.TRASH.create(), e -> {
            draftBook.discard(actor, draft.id());
            refresh(models.asSingleSelect().getValue());
        });
        discard.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(open, discard);
    }

    private Details allowList(DeploymentRules rules) {
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(new Paragraph(getTranslation("modeling.rules.expressions")));
        content.add(new Paragraph(getTranslation(
                "modeling.rules.delegates", String.join(", ", rules.allowList().delegates()))));
        for (Map.Entry<String, ? extends Set<String>> bean :
                rules.allowList().methods().entrySet()) {
            content.add(new Paragraph(bean.getKey() + ": "
                    + String.join(
                            ", ",
                            bean.getValue().stream()
                                    .map(m -> bean.getKey() + "." + m + "(…)")
                                    .toList())));
        }
        content.add(new Span(getTranslation("modeling.rules.forbidden")));
        return new Details(getTranslation("modeling.rules.title"), content);
    }

    static void notify(String text, NotificationVariant variant) {
        Notification.show(
                        text,
                        variant == NotificationVariant.LUMO_ERROR ? 8000 : 3000,
                        Notification.Position.BOTTOM_START)
                .addThemeVariants(variant);
    }

    /** The kind of a model as a heading or a column value names it: "Process". */
    static String kind(ModelKind kind) {
        return switch (kind) {
            case PROCESS -> I18NProvider.translate("modeling.kind.process");
            case DECISION -> I18NProvider.translate("modeling.kind.decision");
            case FORM -> I18NProvider.translate("modeling.kind.form");
        };
    }

    /** The kind inside a sentence: "Versions of process closed-loop". */
    static String inline(ModelKind kind) {
        return switch (kind) {
            case PROCESS -> I18NProvider.translate("modeling.kind.process.inline");
            case DECISION -> I18NProvider.translate("modeling.kind.decision.inline");
            case FORM -> I18NProvider.translate("modeling.kind.form.inline");
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.models") + " · Loopkeeper";
    }

    /** The library's link for a model, with the model selected. */
    static QueryParameters selecting(ModelKind kind, String key) {
        return QueryParameters.of("model", kind.name().toLowerCase() + "/" + key);
    }
}
