package dev.loopkeeper.intake.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.intake.ColumnMapping;
import dev.loopkeeper.intake.CsvImports;
import dev.loopkeeper.intake.CsvImports.ImportJob;
import dev.loopkeeper.intake.ImportField;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Responses from a CSV file: pick the source, upload the file, check which column holds what, preview what the
 * import would do (with every refused row and why), then import. The import runs in the background; its progress is
 * read from the database, so it survives a reload of this page and a restart of the node.
 */
@Route("import")
@PageTitle("Import responses · Loopkeeper")
@Menu(title = "Import responses", order = 7, icon = "vaadin:upload")
@RolesAllowed({Groups.PROCESS_OWNERS, Groups.ADMINS})
public class ImportView extends VerticalLayout {

    private static final String NONE = "";

    final ComboBox<String> source = new ComboBox<>("Source");
    final Upload upload = new Upload();
    final FormLayout mappingForm = new FormLayout();
    final Map<ImportField, Select<String>> columns = new EnumMap<>(ImportField.class);
    final MultiSelectComboBox<String> propertyColumns = new MultiSelectComboBox<>("Keep as properties");
    final IntegerField historyDays = new IntegerField("Store as history, without a case, when older than (days)");
    final Button preview = new Button("Preview", VaadinIcon.EYE.create());
    final Div previewPanel = new Div();
    final Grid<ImportJob> jobs = new Grid<>(ImportJob.class, false);

    private final CsvImports imports;
    private final CurrentUser currentUser;
    private Path file;
    private String fileName;
    private List<String> header = List.of();
    private CsvImports.Preview shown;
    private ColumnMapping shownMapping;
    private Registration polling;

    public ImportView(CsvImports imports, CurrentUser currentUser) {
        this.imports = imports;
        this.currentUser = currentUser;
        setWidthFull();
        source.setItems(imports.knownSources());
        source.setAllowCustomValue(true);
        source.addCustomValueSetListener(e -> source.setValue(e.getDetail().strip()));
        source.setValue(imports.knownSources().get(0));
        source.setHelperText("Responses are idempotent per source and response id");
        source.addValueChangeListener(e -> remap());
        upload.setUploadHandler(
                UploadHandler.toTempFile((metadata, uploaded) -> received(metadata.fileName(), uploaded)));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        Span dropLabel = new Span("Drop a CSV file here: a Delighted export, or our own layout");
        // the upload's own label colour is Lumo's secondary text, below 4.5:1 on its tinted drop area
        dropLabel.getStyle().set("color", "var(--lumo-body-text-color)");
        upload.setDropLabel(dropLabel);
        historyDays.setValue((int) imports.defaultHistoryAfter().toDays());
        historyDays.setMin(0);
        historyDays.setStepButtonsVisible(true);
        preview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preview.addClickListener(e -> showPreview());
        mappingForm.setVisible(false);
        preview.setVisible(false);
        jobs.addColumn(ImportJob::fileName).setHeader("File").setFlexGrow(2);
        jobs.addColumn(ImportJob::source).setHeader("Source");
        jobs.addComponentColumn(ImportView::progress).setHeader("Progress").setFlexGrow(2);
        jobs.addColumn(ImportJob::status).setHeader("Status");
        jobs.addColumn(j -> j.stored() + " stored, " + j.cases() + " cases, " + j.already() + " already there, "
                        + j.refused() + " refused")
                .setHeader("Rows")
                .setFlexGrow(3);
        jobs.addColumn(j -> j.createdBy() + ", " + Times.format(j.createdAt(), Times.zone()))
                .setHeader("Started");
        jobs.setAllRowsVisible(true);
        jobs.addItemClickListener(e -> showProblems(e.getItem()));
        add(
                new H2("Import responses"),
                new Paragraph("Upload a CSV file of survey responses. Rows answered within the window below open cases "
                        + "like any new response; older rows are kept as history for reports. Importing the same "
                        + "file again changes nothing."),
                source,
                upload,
                mappingForm,
                preview,
                previewPanel,
                new H3("Imports"),
                jobs);
        refreshJobs();
    }

    private void received(String name, java.io.File uploaded) {
        getUI().ifPresent(ui -> ui.access(() -> {
            forgetFile();
            file = uploaded.toPath();
            fileName = name;
            try {
                header = imports.header(file);
            } catch (RuntimeException notCsv) {
                Notification.show(
                                "The file cannot be read as CSV: " + notCsv.getMessage(),
                                6000,
                                Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            remap();
        }));
    }

    /** The mapping saved for the source, else one guessed from the file's header, shown for the user to check. */
    private void remap() {
        previewPanel.removeAll();
        shown = null;
        if (file == null || source.isEmpty()) {
            return;
        }
        ColumnMapping mapping = imports.mappingFor(source.getValue(), header);
        mappingForm.removeAll();
        columns.clear();
        for (ImportField field : ImportField.values()) {
            Select<String> column = new Select<>();
            column.setLabel(field.label() + (field.required() ? " *" : ""));
            column.setItems(withNone(header));
            column.setItemLabelGenerator(c -> c.isEmpty() ? "(not in the file)" : c);
            column.setValue(mapping.columns().getOrDefault(field, NONE));
            column.getElement().setAttribute("data-field", field.name());
            columns.put(field, column);
            mappingForm.add(column);
        }
        propertyColumns.setItems(header);
        propertyColumns.setValue(Set.copyOf(mapping.properties().values()));
        propertyColumns.setHelperText("Region, product and location also become the case's filters");
        mappingForm.add(propertyColumns, historyDays);
        mappingForm.setVisible(true);
        preview.setVisible(true);
    }

    private ColumnMapping mapping() {
        Map<ImportField, String> chosen = new EnumMap<>(ImportField.class);
        columns.forEach((field, select) -> {
            if (select.getValue() != null && !select.getValue().isEmpty()) {
                chosen.put(field, select.getValue());
            }
        });
        Map<String, String> properties = new LinkedHashMap<>();
        for (String column : header) {
            if (propertyColumns.getValue().contains(column)) {
                properties.put(propertyName(column), column);
            }
        }
        return new ColumnMapping(chosen, properties);
    }

    /** {@code properties.region} and {@code Region} are both the property {@code region}. */
    static String propertyName(String column) {
        String name = column.toLowerCase(Locale.ROOT).startsWith("properties.")
                ? column.substring("properties.".length())
                : column;
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    private void showPreview() {
        previewPanel.removeAll();
        ColumnMapping mapping = mapping();
        if (!mapping.missing().isEmpty()) {
            previewPanel.add(error("Choose the column of: "
                    + String.join(
                            ", ",
                            mapping.missing().stream().map(ImportField::label).toList())));
            return;
        }
        int days = historyDays.getValue() == null ? 0 : Math.max(0, historyDays.getValue());
        shown = imports.preview(source.getValue(), fileName, file, mapping, Duration.ofDays(days));
        shownMapping = mapping;
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.add(new H3("Preview of " + fileName));
        if (shown.unreadable() != null) {
            panel.add(error(shown.unreadable()));
        }
        panel.add(
                count("rows", shown.rows()),
                count("will open cases", shown.cases()),
                count("will be kept as history", shown.history()),
                count("are already there", shown.already()),
                count("will be refused", shown.refused()));
        if (shown.importedBefore() != null) {
            panel.add(new Paragraph("This file was imported before, on "
                    + Times.format(shown.importedBefore().createdAt(), Times.zone()) + " by "
                    + shown.importedBefore().createdBy() + ": importing it again changes nothing."));
        }
        if (!shown.problems().isEmpty()) {
            Grid<CsvImports.RowProblem> problems = new Grid<>(CsvImports.RowProblem.class, false);
            problems.addColumn(CsvImports.RowProblem::line)
                    .setHeader("Line")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            problems.addColumn(CsvImports.RowProblem::column).setHeader("Column");
            problems.addColumn(CsvImports.RowProblem::message)
                    .setHeader("Problem")
                    .setFlexGrow(3);
            problems.setItems(shown.problems());
            problems.setAllRowsVisible(shown.problems().size() <= 10);
            problems.setAriaLabel("Refused rows");
            panel.add(problems);
        }
        Button start = new Button(
                "Import " + (shown.rows() - shown.refused()) + " rows", VaadinIcon.UPLOAD.create(), e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        start.setEnabled(shown.importable());
        panel.add(start);
        previewPanel.add(panel);
    }

    private void start() {
        try {
            imports.start(shown, file, shownMapping, currentUser.require().userId());
        } catch (IllegalArgumentException refused) {
            previewPanel.add(error(refused.getMessage()));
            return;
        }
        Notification.show("Import of " + fileName + " started", 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        forgetFile();
        upload.clearFileList();
        mappingForm.setVisible(false);
        preview.setVisible(false);
        previewPanel.removeAll();
        refreshJobs();
        poll(true);
    }

    private void showProblems(ImportJob job) {
        previewPanel.removeAll();
        List<CsvImports.RowProblem> problems = imports.problemsOf(job.id());
        if (problems.isEmpty() && job.failure() == null) {
            return;
        }
        VerticalLayout panel = new VerticalLayout(new H3("Refused rows of " + job.fileName()));
        panel.setPadding(false);
        if (job.failure() != null) {
            panel.add(error(job.failure()));
        }
        Grid<CsvImports.RowProblem> grid = new Grid<>(CsvImports.RowProblem.class, false);
        grid.addColumn(CsvImports.RowProblem::line)
                .setHeader("Line")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CsvImports.RowProblem::column).setHeader("Column");
        grid.addColumn(CsvImports.RowProblem::message).setHeader("Problem").setFlexGrow(3);
        grid.setItems(problems);
        panel.add(grid);
        previewPanel.add(panel);
    }

    private void refreshJobs() {
        List<ImportJob> latest = imports.latest();
        jobs.setItems(latest);
        poll(latest.stream().anyMatch(j -> !j.finished()));
    }

    /** While an import runs, the page asks the server for its progress every second. */
    private void poll(boolean on) {
        getUI().ifPresent(ui -> ui.setPollInterval(on ? 1000 : -1));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        polling = event.getUI().addPollListener(e -> refreshJobs());
        refreshJobs();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
        forgetFile();
        super.onDetach(event);
    }

    private void forgetFile() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            file = null;
        }
    }

    private static ProgressBar progress(ImportJob job) {
        ProgressBar bar = new ProgressBar(0, 1, job.progress());
        bar.getElement()
                .setAttribute(
                        "aria-label", job.fileName() + ": " + job.rowsDone() + " of " + job.rowsTotal() + " rows");
        bar.getElement().setAttribute("title", job.rowsDone() + " of " + job.rowsTotal() + " rows");
        return bar;
    }

    private static Span count(String what, int count) {
        Span span = new Span(count + " " + what);
        span.getElement().getThemeList().add("badge");
        span.getElement().setAttribute("aria-label", what);
        span.getStyle().set("margin-right", "var(--lumo-space-s)");
        return span;
    }

    private static Paragraph error(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.getStyle().set("color", "var(--lumo-error-text-color)");
        return paragraph;
    }

    private static List<String> withNone(List<String> header) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(NONE), header.stream())
                .toList();
    }

    /** The counts of a preview as one line, for tests and screen readers. */
    String previewSummary() {
        return shown == null
                ? ""
                : shown.rows() + " rows, " + shown.cases() + " cases, " + shown.history() + " history, "
                        + shown.already() + " already there, " + shown.refused() + " refused";
    }
}
