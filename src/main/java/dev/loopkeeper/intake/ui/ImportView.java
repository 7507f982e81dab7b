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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
import dev.loopkeeper.sharedkernel.ui.UploadLimit;
import dev.loopkeeper.sharedkernel.ui.UploadWords;
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
@Menu(title = "Import responses", order = 7, icon = "vaadin:upload")
@RolesAllowed({Groups.PROCESS_OWNERS, Groups.ADMINS})
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private static final String NONE = "";

    final ComboBox<String> source = new ComboBox<>(getTranslation("intake.import.source"));
    final Upload upload = new Upload();
    final FormLayout mappingForm = new FormLayout();
    final Map<ImportField, Select<String>> columns = new EnumMap<>(ImportField.class);
    final MultiSelectComboBox<String> propertyColumns =
            new MultiSelectComboBox<>(getTranslation("intake.import.properties"));
    final IntegerField historyDays = new IntegerField(getTranslation("intake.import.history-days"));
    final Button preview = new Button(getTranslation("intake.import.preview"), VaadinIcon.EYE.create());
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
        source.setHelperText(getTranslation("intake.import.source.helper"));
        source.addValueChangeListener(e -> remap());
        upload.setUploadHandler(UploadLimit.of(
                imports.maxFileBytes(),
                UploadHandler.toTempFile((metadata, uploaded) -> received(metadata.fileName(), uploaded))));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxFileBytes()));
        UploadWords.localized(upload);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        Span dropLabel = new Span(getTranslation("intake.import.drop"));
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
        jobs.addColumn(ImportJob::fileName)
                .setHeader(getTranslation("intake.import.column.file"))
                .setFlexGrow(2);
        jobs.addColumn(ImportJob::source).setHeader(getTranslation("intake.import.source"));
        jobs.addComponentColumn(this::progress)
                .setHeader(getTranslation("intake.import.column.progress"))
                .setFlexGrow(2);
        jobs.addColumn(j -> status(j.status())).setHeader(getTranslation("intake.import.column.status"));
        jobs.addColumn(j -> getTranslation("intake.import.rows", j.stored(), j.cases(), j.already(), j.refused()))
                .setHeader(getTranslation("intake.import.column.rows"))
                .setFlexGrow(3);
        jobs.addColumn(j -> j.createdBy() + ", " + Times.format(j.createdAt(), Times.zone()))
                .setHeader(getTranslation("intake.import.column.started"));
        jobs.setAllRowsVisible(true);
        jobs.addItemClickListener(e -> showProblems(e.getItem()));
        add(
                new H2(getTranslation("menu.import")),
                new Paragraph(getTranslation("intake.import.intro")),
                source,
                upload,
                mappingForm,
                preview,
                previewPanel,
                new H3(getTranslation("intake.import.imports")),
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
                                getTranslation("intake.import.not-csv", notCsv.getMessage()),
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
            column.setLabel(label(field) + (field.required() ? " *" : ""));
            column.setItems(withNone(header));
            column.setItemLabelGenerator(c -> c.isEmpty() ? getTranslation("intake.import.not-in-file") : c);
            column.setValue(mapping.columns().getOrDefault(field, NONE));
            column.getElement().setAttribute("data-field", field.name());
            columns.put(field, column);
            mappingForm.add(column);
        }
        propertyColumns.setItems(header);
        propertyColumns.setValue(Set.copyOf(mapping.properties().values()));
        propertyColumns.setHelperText(getTranslation("intake.import.properties.helper"));
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
            previewPanel.add(error(getTranslation(
                    "intake.import.choose-column",
                    String.join(
                            ", ", mapping.missing().stream().map(this::label).toList()))));
            return;
        }
        int days = historyDays.getValue() == null ? 0 : Math.max(0, historyDays.getValue());
        shown = imports.preview(source.getValue(), fileName, file, mapping, Duration.ofDays(days));
        shownMapping = mapping;
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.add(new H3(getTranslation("intake.import.preview-of", fileName)));
        if (shown.unreadable() != null) {
            panel.add(error(shown.unreadable()));
        }
        panel.add(
                count(getTranslation("intake.import.count.rows"), shown.rows()),
                count(getTranslation("intake.import.count.cases"), shown.cases()),
                count(getTranslation("intake.import.count.history"), shown.history()),
                count(getTranslation("intake.import.count.already"), shown.already()),
                count(getTranslation("intake.import.count.refused"), shown.refused()));
        if (shown.importedBefore() != null) {
            panel.add(new Paragraph(getTranslation(
                    "intake.import.imported-before",
                    Times.format(shown.importedBefore().createdAt(), Times.zone()),
                    shown.importedBefore().createdBy())));
        }
        if (!shown.problems().isEmpty()) {
            Grid<CsvImports.RowProblem> problems = new Grid<>(CsvImports.RowProblem.class, false);
            problems.addColumn(CsvImports.RowProblem::line)
                    .setHeader(getTranslation("intake.import.column.line"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            problems.addColumn(CsvImports.RowProblem::column).setHeader(getTranslation("intake.import.column.column"));
            problems.addColumn(CsvImports.RowProblem::message)
                    .setHeader(getTranslation("intake.import.column.problem"))
                    .setFlexGrow(3);
            problems.setItems(shown.problems());
            problems.setAllRowsVisible(shown.problems().size() <= 10);
            problems.setAriaLabel(getTranslation("intake.import.refused-rows"));
            panel.add(problems);
        }
        Button start = new Button(
                getTranslation("intake.import.start", shown.rows() - shown.refused()),
                VaadinIcon.UPLOAD.create(),
                e -> start());
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
        Notification.show(getTranslation("intake.import.started", fileName), 3000, Notification.Position.BOTTOM_START)
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
        VerticalLayout panel =
                new VerticalLayout(new H3(getTranslation("intake.import.refused-rows-of", job.fileName())));
        panel.setPadding(false);
        if (job.failure() != null) {
            panel.add(error(job.failure()));
        }
        Grid<CsvImports.RowProblem> grid = new Grid<>(CsvImports.RowProblem.class, false);
        grid.addColumn(CsvImports.RowProblem::line)
                .setHeader(getTranslation("intake.import.column.line"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CsvImports.RowProblem::column).setHeader(getTranslation("intake.import.column.column"));
        grid.addColumn(CsvImports.RowProblem::message)
                .setHeader(getTranslation("intake.import.column.problem"))
                .setFlexGrow(3);
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

    private ProgressBar progress(ImportJob job) {
        ProgressBar bar = new ProgressBar(0, 1, job.progress());
        String done = getTranslation("intake.import.progress", job.rowsDone(), job.rowsTotal());
        bar.getElement().setAttribute("aria-label", job.fileName() + ": " + done);
        bar.getElement().setAttribute("title", done);
        return bar;
    }

    private String status(String stored) {
        return switch (stored == null ? "" : stored) {
            case "queued" -> getTranslation("intake.import.status.queued");
            case "running" -> getTranslation("intake.import.status.running");
            case "done" -> getTranslation("intake.import.status.done");
            case "failed" -> getTranslation("intake.import.status.failed");
            default -> stored;
        };
    }

    private String label(ImportField field) {
        return switch (field) {
            case SOURCE_EVENT_ID -> getTranslation("intake.field.response-id");
            case RESPONDED_AT -> getTranslation("intake.field.responded-at");
            case SCORE -> getTranslation("intake.field.score");
            case CUSTOMER_ID -> getTranslation("intake.field.customer-id");
            case COMMENT -> getTranslation("intake.field.comment");
            case TOUCHPOINT -> getTranslation("intake.field.touchpoint");
            case NAME -> getTranslation("intake.field.name");
            case EMAIL -> getTranslation("intake.field.email");
            case PHONE -> getTranslation("intake.field.phone");
            case PREFERRED_CHANNEL -> getTranslation("intake.field.preferred-channel");
            case TIER -> getTranslation("intake.field.tier");
            case LIFETIME_VALUE -> getTranslation("intake.field.lifetime-value");
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.import") + " · Loopkeeper";
    }

    private Span count(String what, int count) {
        Span span = new Span(getTranslation("intake.import.count", count, what));
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
