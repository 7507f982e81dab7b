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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
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
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;

/**
 * The directory recognition alerts match promoters' comments against: employees, locations, teams and processes,
 * each with the manager who hears of its praise. Process owners and admins keep it here, one entry at a time or by
 * importing a CSV file.
 */
@Route("directory")
@PageTitle("Directory · Loopkeeper")
@Menu(title = "Directory", order = 9, icon = "vaadin:users")
@RolesAllowed({Groups.PROCESS_OWNERS, Groups.ADMINS})
public class DirectoryView extends VerticalLayout {

    final Grid<DirectoryListing> entries = new Grid<>(DirectoryListing.class, false);
    final Button add = new Button("Add", VaadinIcon.PLUS.create());
    final Upload upload = new Upload();
    private final EmployeeDirectory directory;
    private final Directory users;
    private final CurrentUser currentUser;

    public DirectoryView(EmployeeDirectory directory, Directory users, CurrentUser currentUser) {
        this.directory = directory;
        this.users = users;
        this.currentUser = currentUser;
        setWidthFull();
        entries.addColumn(e -> e.kind().label()).setHeader("Kind").setSortable(true);
        entries.addColumn(DirectoryListing::name).setHeader("Name").setFlexGrow(2);
        entries.addColumn(DirectoryListing::aliases).setHeader("Also called").setFlexGrow(2);
        entries.addColumn(DirectoryListing::location).setHeader("Location");
        entries.addColumn(DirectoryListing::managerUserId).setHeader("Manager");
        entries.addComponentColumn(e -> {
                    Button edit = new Button("Edit", VaadinIcon.EDIT.create(), click -> edit(e));
                    edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    edit.getElement().setAttribute("aria-label", "Edit " + e.name());
                    Button remove = new Button("Remove", VaadinIcon.TRASH.create(), click -> remove(e));
                    remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                    remove.getElement().setAttribute("aria-label", "Remove " + e.name());
                    return new HorizontalLayout(edit, remove);
                })
                .setHeader("");
        entries.setAllRowsVisible(true);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> edit(null));
        upload.setUploadHandler(
                UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> imported(bytes)))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span("Import a CSV file with the columns "
                + String.join(", ", EmployeeDirectory.CSV_COLUMNS)
                + " (kind: employee, location, team or process)"));
        add(
                new H2("Directory"),
                new Paragraph("When a promoter names an employee, a location, a team or a process, its manager hears "
                        + "of the praise. A person's name counts when written as names are (with a capital letter); "
                        + "a location, team or process in any case. Aliases are other names customers use, "
                        + "comma-separated."),
                new HorizontalLayout(add),
                entries,
                upload);
        refresh();
    }

    /** Imports the file all or nothing, and says what it did or what is wrong with which line. */
    void imported(byte[] csv) {
        EmployeeDirectory.Imported result = directory.importCsv(currentUser.require(), new ByteArrayInputStream(csv));
        if (result.problems().isEmpty()) {
            Notices.success("Imported: " + result.added() + " added, " + result.changed() + " changed");
        } else {
            Notices.refused("Nothing imported. " + String.join("; ", result.problems()));
        }
        upload.clearFileList();
        refresh();
    }

    private void edit(DirectoryListing entry) {
        Select<EntryKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(EntryKind.values());
        kind.setItemLabelGenerator(EntryKind::label);
        kind.setValue(entry == null ? EntryKind.EMPLOYEE : entry.kind());
        TextField name = new TextField("Name");
        name.setRequired(true);
        name.setMaxLength(200);
        TextField aliases = new TextField("Also called");
        aliases.setHelperText("Other names customers use, comma-separated");
        aliases.setMaxLength(500);
        TextField location = new TextField("Location");
        location.setMaxLength(200);
        ComboBox<String> manager = new ComboBox<>("Manager", users.users());
        manager.setRequired(true);
        manager.setHelperText("Hears of the praise, in the app and by email");
        if (entry != null) {
            name.setValue(entry.name());
            aliases.setValue(entry.aliases() == null ? "" : entry.aliases());
            location.setValue(entry.location() == null ? "" : entry.location());
            manager.setValue(entry.managerUserId());
        }
        ActionDialog dialog = new ActionDialog(
                entry == null ? "Add to the directory" : "Edit " + entry.name(),
                new FormLayout(kind, name, aliases, location, manager));
        dialog.primaryAction("Save", () -> {
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
                Notices.refused(invalid.getMessage());
                return false;
            }
            refresh();
            return true;
        });
        dialog.open();
    }

    private void remove(DirectoryListing entry) {
        ActionDialog.confirm(
                "Remove " + entry.name() + "?",
                "Praise for it no longer reaches " + entry.managerUserId() + ".",
                "Remove",
                () -> {
                    directory.remove(currentUser.require(), entry.id());
                    refresh();
                });
    }

    private void refresh() {
        entries.setItems(directory.entries());
    }
}
