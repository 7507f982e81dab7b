package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.loopkeeper.casework.CaseFile;
import dev.loopkeeper.casework.CaseStatus;
import dev.loopkeeper.casework.CaseTimeline;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.FieldProblem;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.TaskNotAvailable;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.casework.Tasklist;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.casework.TimelineEntry;
import dev.loopkeeper.casework.form.FormSchema;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.insight.Themes;
import dev.loopkeeper.sharedkernel.Actor;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One case on one screen: the response, the customer and their history, the loop so far, and the task
 * at hand with its form. Completing the form moves the case on; the screen then shows what comes next.
 * Someone who may not see the case gets the page of an address that does not exist.
 */
@Route("cases/:caseId")
@PageTitle("Case · Loopkeeper")
@PermitAll
public class CaseView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);

    private final CaseTimeline cases;
    private final Casework casework;
    private final Taskwork taskwork;
    private final Tasklist tasklist;
    private final Themes themes;
    private final Improvements improvements;
    private final Actor actor;
    private final Clock clock;
    private final ZoneId zone = ZoneId.systemDefault();
    private UUID caseId;
    TaskFormView taskForm;

    public CaseView(CaseTimeline cases, Casework casework, Taskwork taskwork, Tasklist tasklist, Themes themes, Improvements improvements,
                    CurrentUser currentUser, Clock clock) {
        this.cases = cases;
        this.casework = casework;
        this.taskwork = taskwork;
        this.tasklist = tasklist;
        this.themes = themes;
        this.improvements = improvements;
        this.actor = currentUser.require();
        this.clock = clock;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("caseId").flatMap(CaseView::uuid);
        if (id.isEmpty() || cases.file(id.get(), actor).isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        caseId = id.get();
        render();
    }

    void render() {
        removeAll();
        CaseFile file = cases.file(caseId, actor).orElseThrow();
        List<TaskRow> open = tasklist.ofCase(actor, caseId);
        add(header(file, open));
        FlexLayout columns = new FlexLayout(left(file, open), right(file));
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        add(columns);
    }

    private Component header(CaseFile file, List<TaskRow> open) {
        RouterLink back = new RouterLink("← Tasklist", TasklistView.class);
        H2 name = new H2(file.customer().name() == null ? file.customer().externalId() : file.customer().name());
        name.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(back, name, TasklistView.scoreBadge(file.score(), file.segment()),
                status(file));
        open.stream().map(TaskRow::dueAt).filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder())
                .ifPresent(due -> header.add(SlaBadge.of(due, clock.instant(), zone)));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return header;
    }

    private static Span status(CaseFile file) {
        Span status = new Span(file.status() == CaseStatus.OPEN ? "open" : "closed: " + file.closedAs().key());
        status.getElement().getThemeList().add("badge" + (file.status() == CaseStatus.OPEN ? "" : " success"));
        return status;
    }

    private Component left(CaseFile file, List<TaskRow> open) {
        VerticalLayout left = new VerticalLayout(currentTask(file, open), timeline(file), comments());
        left.setPadding(false);
        left.getStyle().set("flex", "3 1 520px");
        return left;
    }

    private Component right(CaseFile file) {
        VerticalLayout right = new VerticalLayout(response(file), customer(file));
        right.setPadding(false);
        right.getStyle().set("flex", "2 1 360px");
        return right;
    }

    // --- the task at hand ---------------------------------------------------------------------------

    private Component currentTask(CaseFile file, List<TaskRow> open) {
        Card card = new Card();
        card.setTitle("Task at hand");
        card.setWidthFull();
        if (open.isEmpty()) {
            Optional<java.time.Instant> retry = cases.nextAttemptDue(file);
            Paragraph waiting = new Paragraph(file.status() != CaseStatus.OPEN ? "The loop is closed."
                    : retry.map(due -> "Next attempt due " + WHEN.format(due.atZone(zone))
                            + ", or as soon as the customer replies.")
                    .orElse("Nothing to do right now: the case waits for the customer or for a fix."));
            waiting.setId("waiting");
            card.add(waiting);
            return card;
        }
        for (TaskRow task : open) {
            card.add(new H3(task.taskName()));
            if (task.isAssignedTo(actor.userId())) {
                if (task.isDelegated()) {
                    card.add(new Paragraph("Delegated to you by " + task.owner() + "."));
                }
                card.add(form(task, file));
            } else if (task.isClaimableBy(actor)) {
                Button claim = new Button("Claim", e -> act(() -> taskwork.claim(task.taskId(), actor), "Claimed"));
                claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                card.add(new Paragraph("Unclaimed, for " + task.candidateGroup() + "."), claim);
            } else {
                card.add(new Paragraph(task.assignee() == null ? "Unclaimed, for " + task.candidateGroup() + "."
                        : "Held by " + task.assignee() + "."));
            }
        }
        return card;
    }

    private Component form(TaskRow task, CaseFile file) {
        Optional<FormSchema> form = taskwork.formOf(task.taskId());
        if (form.isEmpty()) {
            return new Paragraph("This task has no form.");
        }
        Map<String, List<FormSchema.Option>> options = Map.of(ClosedLoop.Vars.OPEN_IMPROVEMENT_ACTIONS,
                improvements.open().stream().map(a -> new FormSchema.Option(a.id().toString(), a.title())).toList());
        taskForm = new TaskFormView(form.get(), taskwork.formValuesOf(task.taskId(), form.get()), options);
        Button complete = new Button(task.isDelegated() ? "Hand back" : "Complete " + task.taskName().toLowerCase());
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        complete.addClickShortcut(Key.ENTER, com.vaadin.flow.component.KeyModifier.CONTROL);
        complete.getElement().setAttribute("title", "Ctrl+Enter");
        TaskFormView shown = taskForm;
        complete.addClickListener(e -> {
            if (task.isDelegated()) {
                act(() -> taskwork.handBack(task.taskId(), actor), "Handed back to " + task.owner());
                return;
            }
            try {
                taskwork.completeTask(task.taskId(), shown.values(), actor);
                render();
                Notification.show(whatNext(), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidTaskInput invalid) {
                List<FieldProblem> elsewhere = shown.show(invalid.problems());
                Notification.show("Not saved: " + (elsewhere.isEmpty() ? "see the marked fields" : invalid.getMessage()),
                        6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (TaskNotAvailable gone) {
                Notification.show(gone.getMessage(), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                render();
            }
        });
        Button email = new Button("Email customer", VaadinIcon.ENVELOPE.create(), e -> compose(file, task));
        email.setEnabled(file.customer().email() != null);
        return new VerticalLayout(taskForm, new HorizontalLayout(complete, email));
    }

    /** After a completion: the next task of the case, or what the case waits for. */
    String whatNext() {
        List<TaskRow> next = tasklist.ofCase(actor, caseId);
        if (!next.isEmpty()) {
            TaskRow task = next.get(0);
            return "Done. Next: " + task.taskName() + (task.isAssignedTo(actor.userId()) ? ", yours"
                    : task.assignee() != null ? ", with " + task.assignee() : ", for " + task.candidateGroup());
        }
        CaseFile file = cases.file(caseId, actor).orElseThrow();
        return file.status() == CaseStatus.OPEN
                ? "Done. The case now waits for the customer's reply, the next retry or a fix."
                : "Done. The loop is closed: " + file.closedAs().key() + ".";
    }

    private void compose(CaseFile file, TaskRow task) {
        new ComposeEmailDialog(file.customer().email(), casework.suggestedEmail(file, task.taskKey()),
                step -> casework.draftEmail(caseId, step),
                draft -> {
                    try {
                        casework.sendEmail(caseId, draft);
                        Notification.show("Email sent to " + file.customer().email(), 3000,
                                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        render();
                        return true;
                    } catch (RuntimeException failed) {
                        Notification.show("Not sent: " + failed.getMessage(), 6000, Notification.Position.MIDDLE)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                        return false;
                    }
                }).open();
    }

    // --- the loop so far ----------------------------------------------------------------------------

    private Component timeline(CaseFile file) {
        Card card = new Card();
        card.setTitle("The loop so far");
        card.setWidthFull();
        UnorderedList list = new UnorderedList();
        list.getStyle().set("padding-left", "var(--lumo-space-m)").set("margin", "0");
        for (TimelineEntry entry : cases.of(file)) {
            ListItem item = new ListItem();
            Span when = new Span(entry.at() == null ? "" : WHEN.format(entry.at().atZone(zone)) + " ");
            when.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Span what = new Span(entry.title() + (entry.who() == null ? "" : " — " + entry.who()));
            what.getStyle().set("font-weight", "500");
            item.add(when, what);
            item.getElement().setAttribute("data-kind", entry.kind());
            if (entry.detail() != null && !entry.detail().isBlank()) {
                Div detail = new Div(entry.detail());
                detail.getStyle().set("white-space", "pre-line").set("color", "var(--lumo-secondary-text-color)");
                item.add(detail);
            }
            list.add(item);
        }
        card.add(list);
        return card;
    }

    private Component comments() {
        TextArea comment = new TextArea("Comment for colleagues");
        comment.setWidthFull();
        comment.setMaxLength(4000);
        Button add = new Button("Add comment", e -> {
            try {
                casework.comment(caseId, comment.getValue(), actor);
                render();
            } catch (IllegalArgumentException invalid) {
                comment.setErrorMessage(invalid.getMessage());
                comment.setInvalid(true);
            }
        });
        VerticalLayout box = new VerticalLayout(comment, add);
        box.setPadding(false);
        return box;
    }

    // --- the response and the customer --------------------------------------------------------------

    private Component response(CaseFile file) {
        Card card = new Card();
        card.setTitle("Response");
        card.setWidthFull();
        Paragraph comment = new Paragraph();
        for (Themes.Span span : themes.highlight(file.comment())) {
            Span part = new Span(span.text());
            if (span.theme() != null) {
                part.getElement().setAttribute("title", "theme: " + span.theme());
                part.getElement().setAttribute("data-theme", span.theme());
                part.getStyle().set("background", "var(--lumo-warning-color-10pct, #fff3cd)")
                        .set("border-bottom", "2px solid var(--lumo-warning-color, #f0ad4e)");
            }
            comment.add(part);
        }
        if (file.comment() == null || file.comment().isBlank()) {
            comment.setText("No comment.");
        }
        card.add(comment, new Paragraph("Answered " + (file.respondedAt() == null ? "" : WHEN.format(file.respondedAt()
                .atZone(zone))) + " via " + file.source()
                + place(file.location(), file.product(), file.region())));
        return card;
    }

    private static String place(String location, String product, String region) {
        List<String> parts = java.util.stream.Stream.of(location, product, region).filter(p -> p != null && !p.isBlank())
                .toList();
        return parts.isEmpty() ? "" : " · " + String.join(" · ", parts);
    }

    private Component customer(CaseFile file) {
        CaseFile.Customer c = file.customer();
        Card card = new Card();
        card.setTitle("Customer");
        card.setWidthFull();
        VerticalLayout details = new VerticalLayout();
        details.setPadding(false);
        details.setSpacing(false);
        if (c.phone() != null) {
            details.add(new Anchor("tel:" + c.phone().replace(" ", ""), "☎ " + c.phone()));
        }
        if (c.email() != null) {
            details.add(new Anchor("mailto:" + c.email(), "✉ " + c.email()));
        }
        details.add(new Span("Prefers " + (c.preferredChannel() == null ? "no particular channel"
                : c.preferredChannel().key()) + (c.tier() == null || c.tier().isBlank() ? "" : " · tier " + c.tier())
                + " · id " + c.externalId()));
        card.add(details);
        var responses = cases.responsesOfCustomer(file, actor);
        if (responses.size() > 1) {
            card.add(new H3("Scores over time"), new ScoreHistory(responses, zone));
        }
        var earlier = cases.otherCasesOfCustomer(file, actor);
        if (!earlier.isEmpty()) {
            UnorderedList list = new UnorderedList();
            earlier.forEach(e -> {
                RouterLink link = new RouterLink(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .format(e.openedAt().atZone(zone)) + ": " + e.score() + " (" + e.segment().key() + "), "
                        + (e.status() == CaseStatus.OPEN ? "open" : e.closedAs().key()), CaseView.class,
                        new com.vaadin.flow.router.RouteParameters("caseId", e.caseId().toString()));
                list.add(new ListItem(link));
            });
            card.add(new H3("Earlier cases"), list);
        }
        return card;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (TaskNotAvailable | IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        render();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
