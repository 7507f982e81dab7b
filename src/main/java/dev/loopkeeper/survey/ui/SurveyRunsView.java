package dev.loopkeeper.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.intake.CustomerAudience;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.survey.InvalidSurveyList;
import dev.loopkeeper.survey.SurveyLists;
import dev.loopkeeper.survey.SurveyRunView;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Surveys to a list: upload a CSV of customers, or pick them by a query (latest segment, tier, region, no response
 * since) with the count shown first; name the run and its touchpoint, start it. The runs below show how far the
 * background sending got (refreshed every few seconds), and each can be paused and resumed.
 */
@Route("surveys")
@PageTitle("Survey runs · Loopkeeper")
@Menu(title = "Survey runs", order = 7, icon = "vaadin:envelopes")
@RolesAllowed({Groups.PROCESS_OWNERS, Groups.SUPERVISORS, Groups.ADMINS})
public class SurveyRunsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Locale.UK);

    final TextField name = new TextField("Name");
    final TextField touchpoint = new TextField("Touchpoint");
    final Upload upload = new Upload();
    final Button start = new Button("Start sending", VaadinIcon.PAPERPLANE.create());
    final Grid<SurveyRunView> runs = new Grid<>(SurveyRunView.class, false);
    final Select<Segment> segment = new Select<>();
    final TextField tier = new TextField("Tier");
    final TextField region = new TextField("Region");
    final DatePicker noResponseSince = new DatePicker("No response since");
    final Span matching = new Span();
    final Button sendToQuery = new Button("Send to these customers", VaadinIcon.PAPERPLANE_O.create());
    private final SurveyLists lists;
    private final CurrentUser currentUser;
    private File list;
    private Registration polling;

    public SurveyRunsView(SurveyLists lists, CurrentUser currentUser) {
        this.lists = lists;
        this.currentUser = currentUser;
        setWidthFull();
        touchpoint.setValue("check-in");
        touchpoint.setHelperText("What the survey follows; the survey rules' quiet period is per touchpoint");
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> getUI().ifPresent(ui -> ui.access(() -> {
            list = file;
            start.setEnabled(true);
        }))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span("Drop a CSV: " + String.join(", ", SurveyLists.COLUMNS)));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        start.addClickListener(e -> startUploaded());
        runs.addColumn(SurveyRunView::name).setHeader("Run").setFlexGrow(2);
        runs.addColumn(SurveyRunView::touchpoint).setHeader("Touchpoint");
        runs.addColumn(r -> r.createdBy() + ", " + WHEN.format(r.createdAt().atZone(ZoneId.systemDefault())))
                .setHeader("Started");
        runs.addComponentColumn(SurveyRunsView::progress).setHeader("Progress").setFlexGrow(2);
        runs.addColumn(r -> r.counts().entrySet().stream()
                        .map(c -> c.getKey().name().toLowerCase(Locale.ROOT) + " " + c.getValue())
                        .collect(Collectors.joining(", ")))
                .setHeader("Invitations")
                .setFlexGrow(2);
        runs.addComponentColumn(this::pauseOrResume).setHeader("").setKey("pause");
        runs.setAllRowsVisible(true);
        segment.setLabel("Latest answer");
        segment.setEmptySelectionAllowed(true);
        segment.setEmptySelectionCaption("Any");
        segment.setItems(Segment.values());
        segment.setItemLabelGenerator(s -> s == null ? "Any" : s.key() + "s");
        tier.setClearButtonVisible(true);
        region.setClearButtonVisible(true);
        noResponseSince.setClearButtonVisible(true);
        noResponseSince.setHelperText("Never answered, or not since this day");
        tier.setValueChangeMode(ValueChangeMode.LAZY);
        region.setValueChangeMode(ValueChangeMode.LAZY);
        segment.addValueChangeListener(e -> count());
        tier.addValueChangeListener(e -> count());
        region.addValueChangeListener(e -> count());
        noResponseSince.addValueChangeListener(e -> count());
        sendToQuery.addClickListener(e -> startQuery());
        HorizontalLayout query = new HorizontalLayout(segment, tier, region, noResponseSince, sendToQuery);
        query.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        query.setWrap(true);
        HorizontalLayout form = new HorizontalLayout(name, touchpoint);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(
                new H2("Survey runs"),
                new Paragraph(
                        "Each customer of the list or the query is asked by email (or text message) in the background, a "
                                + "batch at a time, under the survey rules: unsubscribed customers, customers with an open "
                                + "case and those asked within the quiet period are skipped."),
                form,
                new H3("To a list"),
                upload,
                start,
                new H3("To customers found by a query"),
                query,
                matching,
                runs);
        count();
        refresh();
        addAttachListener(e -> {
            e.getUI().setPollInterval(5000);
            polling = e.getUI().addPollListener(poll -> refresh());
        });
        addDetachListener(e -> {
            e.getUI().setPollInterval(-1);
            polling.remove();
        });
    }

    /** The customers the query finds, as the count a process owner sees before sending. */
    CustomerAudience audience() {
        return new CustomerAudience(
                segment.getValue(),
                tier.getValue(),
                region.getValue(),
                noResponseSince.getValue() == null
                        ? null
                        : noResponseSince
                                .getValue()
                                .atStartOfDay(ZoneId.systemDefault())
                                .toInstant());
    }

    void count() {
        long found = lists.count(audience());
        matching.setText(found + (found == 1 ? " customer matches" : " customers match")
                + " (the survey rules may skip some when sending)");
        sendToQuery.setText("Send to " + found + (found == 1 ? " customer" : " customers"));
        sendToQuery.setEnabled(found > 0 && found <= SurveyLists.MAX_AUDIENCE);
    }

    /** Starts a run over the customers the query finds, with the name and touchpoint on the screen. */
    void startQuery() {
        started(() -> lists.start(
                name.getValue().strip(),
                touchpoint.getValue().strip(),
                audience(),
                currentUser.require().userId()));
    }

    private void startUploaded() {
        try (InputStream in = Files.newInputStream(list.toPath())) {
            start(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            list.delete();
            list = null;
            upload.clearFileList();
            start.setEnabled(false);
        }
    }

    /** Starts a run over the list with the name and touchpoint on the screen. */
    void start(InputStream csv) {
        started(() -> lists.start(
                name.getValue().strip(),
                touchpoint.getValue().strip(),
                csv,
                currentUser.require().userId()));
    }

    /** Says how many surveys a run sends, or why the list was refused, and shows the runs again. */
    private void started(Supplier<SurveyRunView> run) {
        try {
            SurveyRunView started = run.get();
            Notification.show("Sending " + started.total() + " surveys", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            name.clear();
        } catch (InvalidSurveyList invalid) {
            Notification.show(invalid.getMessage(), 10000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    void refresh() {
        runs.setItems(lists.latest());
    }

    private Button pauseOrResume(SurveyRunView run) {
        Button button = run.paused()
                ? new Button("Resume", VaadinIcon.PLAY.create(), e -> {
                    lists.resume(run.runId());
                    refresh();
                })
                : new Button("Pause", VaadinIcon.PAUSE.create(), e -> {
                    lists.pause(run.runId());
                    refresh();
                });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setEnabled(run.done() < run.total() || run.paused());
        return button;
    }

    private static ProgressBar progress(SurveyRunView run) {
        ProgressBar bar = new ProgressBar(0, Math.max(1, run.total()), run.done());
        bar.getElement().setAttribute("aria-label", run.done() + " of " + run.total() + " done");
        return bar;
    }
}
