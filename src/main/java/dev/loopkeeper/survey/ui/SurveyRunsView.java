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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.intake.CustomerAudience;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.Times;
import dev.loopkeeper.sharedkernel.ui.UploadLimit;
import dev.loopkeeper.sharedkernel.ui.UploadWords;
import dev.loopkeeper.survey.InvalidSurveyList;
import dev.loopkeeper.survey.InvitationStatus;
import dev.loopkeeper.survey.SurveyLists;
import dev.loopkeeper.survey.SurveyRunView;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Surveys to a list: upload a CSV of customers, or pick them by a query (latest segment, tier, region, no response
 * since) with the count shown first; name the run and its touchpoint, start it. The runs below show how far the
 * background sending got (refreshed every few seconds), and each can be paused and resumed.
 */
@Route("surveys")
@Menu(title = "Survey runs", order = 7, icon = "vaadin:envelopes")
@RolesAllowed({Groups.PROCESS_OWNERS, Groups.SUPERVISORS, Groups.ADMINS})
public class SurveyRunsView extends VerticalLayout implements HasDynamicTitle {

    /** A list is read whole to send a run; 20 MB is some 200 000 customers. */
    static final int LIST_BYTES = 20_000_000;

    final TextField name = new TextField(getTranslation("survey.runs.name"));
    final TextField touchpoint = new TextField(getTranslation("survey.runs.touchpoint"));
    final Upload upload = new Upload();
    final Button start = new Button(getTranslation("survey.runs.start"), VaadinIcon.PAPERPLANE.create());
    final Grid<SurveyRunView> runs = new Grid<>(SurveyRunView.class, false);
    final Select<Segment> segment = new Select<>();
    final TextField tier = new TextField(getTranslation("survey.runs.tier"));
    final TextField region = new TextField(getTranslation("survey.runs.region"));
    final DatePicker noResponseSince = new DatePicker(getTranslation("survey.runs.no-response-since"));
    final Span matching = new Span();
    final Button sendToQuery =
            new Button(getTranslation("survey.runs.send-to-these"), VaadinIcon.PAPERPLANE_O.create());
    private final SurveyLists lists;
    private final CurrentUser currentUser;
    private File list;
    private Registration polling;

    public SurveyRunsView(SurveyLists lists, CurrentUser currentUser) {
        this.lists = lists;
        this.currentUser = currentUser;
        setWidthFull();
        touchpoint.setValue("check-in");
        touchpoint.setHelperText(getTranslation("survey.runs.touchpoint.helper"));
        upload.setUploadHandler(UploadLimit.of(
                LIST_BYTES,
                UploadHandler.toTempFile((metadata, file) -> getUI().ifPresent(ui -> ui.access(() -> {
                    list = file;
                    start.setEnabled(true);
                })))));
        upload.setMaxFileSize(LIST_BYTES);
        UploadWords.localized(upload);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span(getTranslation("survey.runs.drop", String.join(", ", SurveyLists.COLUMNS))));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        start.addClickListener(e -> startUploaded());
        runs.addColumn(SurveyRunView::name)
                .setHeader(getTranslation("survey.runs.column.run"))
                .setFlexGrow(2);
        runs.addColumn(SurveyRunView::touchpoint).setHeader(getTranslation("survey.runs.touchpoint"));
        runs.addColumn(r -> r.createdBy() + ", " + Times.format(r.createdAt()))
                .setHeader(getTranslation("survey.runs.column.started"));
        runs.addComponentColumn(this::progress)
                .setHeader(getTranslation("survey.runs.column.progress"))
                .setFlexGrow(2);
        runs.addColumn(r -> r.counts().entrySet().stream()
                        .map(c -> getTranslation("survey.runs.status-count", status(c.getKey()), c.getValue()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("survey.runs.column.invitations"))
                .setFlexGrow(2);
        runs.addComponentColumn(this::pauseOrResume).setHeader("").setKey("pause");
        runs.setAllRowsVisible(true);
        segment.setLabel(getTranslation("survey.runs.latest-answer"));
        segment.setEmptySelectionAllowed(true);
        segment.setEmptySelectionCaption(getTranslation("survey.runs.any"));
        segment.setItems(Segment.values());
        segment.setItemLabelGenerator(s -> s == null ? getTranslation("survey.runs.any") : segments(s));
        tier.setClearButtonVisible(true);
        region.setClearButtonVisible(true);
        noResponseSince.setClearButtonVisible(true);
        noResponseSince.setHelperText(getTranslation("survey.runs.no-response-since.helper"));
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
                new H2(getTranslation("menu.surveys")),
                new Paragraph(getTranslation("survey.runs.intro")),
                form,
                new H3(getTranslation("survey.runs.to-list")),
                upload,
                start,
                new H3(getTranslation("survey.runs.to-query")),
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
        matching.setText(
                found == 1
                        ? getTranslation("survey.runs.matching.one", found)
                        : getTranslation("survey.runs.matching.many", found));
        sendToQuery.setText(
                found == 1
                        ? getTranslation("survey.runs.send-to.one", found)
                        : getTranslation("survey.runs.send-to.many", found));
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
            Notification.show(
                            getTranslation("survey.runs.sending", started.total()),
                            4000,
                            Notification.Position.BOTTOM_START)
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
                ? new Button(getTranslation("survey.runs.resume"), VaadinIcon.PLAY.create(), e -> {
                    lists.resume(run.runId());
                    refresh();
                })
                : new Button(getTranslation("survey.runs.pause"), VaadinIcon.PAUSE.create(), e -> {
                    lists.pause(run.runId());
                    refresh();
                });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setEnabled(run.done() < run.total() || run.paused());
        return button;
    }

    private ProgressBar progress(SurveyRunView run) {
        ProgressBar bar = new ProgressBar(0, Math.max(1, run.total()), run.done());
        bar.getElement().setAttribute("aria-label", getTranslation("survey.runs.progress", run.done(), run.total()));
        return bar;
    }

    /** The customers of a segment, in the plural: "detractors". */
    private String segments(Segment segment) {
        return switch (segment) {
            case DETRACTOR -> getTranslation("survey.runs.detractors");
            case PASSIVE -> getTranslation("survey.runs.passives");
            case PROMOTER -> getTranslation("survey.runs.promoters");
        };
    }

    private String status(InvitationStatus status) {
        return switch (status) {
            case SCHEDULED -> getTranslation("survey.status.scheduled");
            case SENT -> getTranslation("survey.status.sent");
            case ANSWERED -> getTranslation("survey.status.answered");
            case SKIPPED -> getTranslation("survey.status.skipped");
            case FAILED -> getTranslation("survey.status.failed");
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.surveys") + " · Loopkeeper";
    }
}
