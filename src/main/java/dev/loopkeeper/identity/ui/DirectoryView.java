package dev.loopkeeper.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.identity.DirectoryListing;
import dev.loopkeeper.identity.EmployeeDirectory;
import dev.loopkeeper.identity.EntryKind;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.ui.ActionDialog;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.Translations;
import dev.loopkeeper.sharedkernel.ui.UploadLimit;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;

/**
 * The directory recognition alerts match promoters' comments against: employees, locations, teams and processes,
 * each with the manager who hears of its praise. Process owners and admins keep it here, one entry at a time or by
 * importing a CSV file.
 */
@Route("directory")
@Menu(title = "Directory", order = 9, icon = "vaadin:users")
@RolesAllowed({Groups.PROCESS_OWNERS, Groups.ADMINS})
public class DirectoryView extends VerticalLayout implements HasDynamicTitle {

    /** The directory is read whole and held in memory; teams, locations and processes fit in far less. */
    static final int DIRECTORY_BYTES = 5_000_000;

    final Grid<DirectoryListing> entries = new Grid<>(DirectoryListing.class, false);
    final Button add = new Button(getTranslation("identity.directory.add"), VaadinIcon.PLUS.create());
    final Upload upload = new Upload();
    private final EmployeeDirectory directory;
    private final Directory users;
    private final CurrentUser currentUser;

    public DirectoryView(EmployeeDirectory directory, Directory users, CurrentUser currentUser) {
        this.directory = directory;
        this.users = users;
        this.currentUser = currentUser;
        setWidthFull();
        entries.addColumn(e -> kind(e.kind()))
                .setHeader(getTranslation("identity.directory.kind"))
                .setSortable(true);
        entries.addColumn(DirectoryListing::name)
                .setHeader(getTranslation("identity.directory.name"))
                .setFlexGrow(2);
        entries.addColumn(DirectoryListing::aliases)
                .setHeader(getTranslation("identity.directory.aliases"))
                .setFlexGrow(2);
        entries.addColumn(DirectoryListing::location).setHeader(getTranslation("identity.directory.location"));
        entries.addColumn(DirectoryListing::managerUserId).setHeader(getTranslation("identity.directory.manager"));
        entries.addComponentColumn(e -> {
                    Button edit = new Button(
                            getTranslation("identity.directory.edit"), VaadinIcon.EDIT.create(), click -> edit(e));
                    edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    edit.getElement()
                            .setAttribute("aria-label", getTranslation("identity.directory.edit-entry", e.name()));
                    Button remove = new Button(
                            getTranslation("identity.directory.remove"), VaadinIcon.TRASH.create(), click -> remove(e));
                    remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                    remove.getElement()
                            .setAttribute("aria-label", getTranslation("identity.directory.remove-entry", e.name()));
                    return new HorizontalLayout(edit, remove);
                })
                .setHeader("");
        entries.setAllRowsVisible(true);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> edit(null));
        upload.setUploadHandler(UploadLimit.of(
                DIRECTORY_BYTES,
                UploadHandler.inMemory(
                        (metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> imported(bytes))))));
        upload.setMaxFileSize(DIRECTORY_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        // Vaadin's own button speaks English only
        upload.setUploadButton(new Button(getTranslation("identity.directory.upload")));
        upload.setDropLabel(new Span(
                getTranslation("identity.directory.import", String.join(", ", EmployeeDirectory.CSV_COLUMNS))));
        add(
                new H2(getTranslation("identity.directory.title")),
                new Paragraph(getTranslation("identity.directory.intro")),
                new HorizontalLayout(add),
                entries,
                upload);
        refresh();
    }

    /** Imports the file all or nothing, and says what it did or what is wrong with which line. */
    void imported(byte[] csv) {
        EmployeeDirectory.Imported result = directory.importCsv(currentUser.require(), new ByteArrayInputStream(csv));
        if (result.refused().isEmpty()) {
            Notices.success(getTranslation("identity.directory.imported", result.added(), result.changed()));
        } else {
            Notices.refused(getTranslation(
                    "identity.directory.nothing-imported",
                    String.join(
                            "; ",
                            result.refused().stream()
                                    .map(reason -> Translations.say(reason.words()))
                                    .toList())));
        }
        upload.clearFileList();
        refresh();
    }

    private void edit(DirectoryListing entry) {
        Select<EntryKind> kind = new Select<>();
        kind.setLabel(getTranslation("identity.directory.kind"));
        kind.setItems(EntryKind.values());
        kind.setItemLabelGenerator(this::kind);
        kind.setValue(entry == null ? EntryKind.EMPLOYEE : entry.kind());
        TextField name = new TextField(getTranslation("identity.directory.name"));
        name.setRequired(true);
        name.setMaxLength(200);
        TextField aliases = new TextField(getTranslation("identity.directory.aliases"));
        aliases.setHelperText(getTranslation("identity.directory.aliases-helper"));
        aliases.setMaxLength(500);
        TextField location = new TextField(getTranslation("identity.directory.location"));
        location.setMaxLength(200);
        ComboBox<String> manager = new ComboBox<>(getTranslation("identity.directory.manager"), users.users());
        manager.setRequired(true);
        manager.setHelperText(getTranslation("identity.directory.manager-helper"));
        if (entry != null) {
            name.setValue(entry.name());
            aliases.setValue(entry.aliases() == null ? "" : entry.aliases());
            location.setValue(entry.location() == null ? "" : entry.location());
            manager.setValue(entry.managerUserId());
        }
        ActionDialog dialog = new ActionDialog(
                entry == null
                        ? getTranslation("identity.directory.add-title")
                        : getTranslation("identity.directory.edit-entry", entry.name()),
                new FormLayout(kind, name, aliases, location, manager));
        dialog.primaryAction(getTranslation("identity.directory.save"), () -> {
            try {
                directory.save(
                        currentUser.require(),
                        new DirectoryListing(
                                entry == null ? null : entry.id(),
                                kind.getValue(),
                                name.getValue(),
                                aliases.getValue(),
                                location.getValue(),
                                manager.getValue()));
            } catch (IllegalArgumentException invalid) {
                Notices.refused(invalid);
                return false;
            }
            refresh();
            return true;
        });
        dialog.open();
    }

    private void remove(DirectoryListing entry) {
        ActionDialog.confirm(
                getTranslation("identity.directory.remove-title", entry.name()),
                getTranslation("identity.directory.remove-text", entry.managerUserId()),
                getTranslation("identity.directory.remove"),
                () -> {
                    directory.remove(currentUser.require(), entry.id());
                    refresh();
                });
    }

    private String kind(EntryKind kind) {
        return switch (kind) {
            case EMPLOYEE -> getTranslation("identity.directory.kind.employee");
            case LOCATION -> getTranslation("identity.directory.kind.location");
            case TEAM -> getTranslation("identity.directory.kind.team");
            case PROCESS -> getTranslation("identity.directory.kind.process");
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("identity.directory.title") + " · Loopkeeper";
    }

    private void refresh() {
        entries.setItems(directory.entries());
    }
}
