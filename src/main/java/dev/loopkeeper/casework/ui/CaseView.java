package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.loopkeeper.casework.CaseFile;
import dev.loopkeeper.casework.CaseStatus;
import dev.loopkeeper.casework.CaseTickets;
import dev.loopkeeper.casework.CaseTimeline;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.FieldProblem;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.TaskForm;
import dev.loopkeeper.casework.TaskNotAvailable;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.casework.Tasklist;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.outreach.HelpDesk;
import dev.loopkeeper.outreach.OutreachFailed;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.RegionZones;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.ScoreBadge;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One case on one screen: the response, the customer and their history, the loop so far, and the task
 * at hand with its form. Completing the form moves the case on; the screen then shows what comes next.
 * Someone who may not see the case gets the page of an address that does not exist.
 */
@Route("cases/:caseId")
@PermitAll
public class CaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CaseTimeline cases;
    private final Casework casework;
    private final Taskwork taskwork;
    private final Tasklist tasklist;
    private final CaseTickets tickets;
    private final Actor actor;
    private final Clock clock;
    private final RegionZones regions;
    private final ZoneId zone = Times.zone();
    private UUID caseId;
    TaskFormView taskForm;

    public CaseView(
            CaseTimeline cases,
            Casework casework,
            Taskwork taskwork,
            Tasklist tasklist,
            CaseTickets tickets,
            CurrentUser currentUser,
            Clock clock,
            RegionZones regions) {
        this.regions = regions;
        this.cases = cases;
        this.casework = casework;
        this.taskwork = taskwork;
        this.tasklist = tasklist;
        this.tickets = tickets;
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
        VerticalLayout left =
                column("3 1 520px", currentTask(file, open), new TimelineCard(cases.of(file), zone), comments());
        VerticalLayout right = column(
                "2 1 360px",
                new ResponseCard(file, cases.highlightedComment(file), zone),
                new CaseThemesCard(
                        cases.themesOf(file),
                        cases.themes(),
                        cases.mayJudgeThemes(file, actor, open),
                        themes -> act(
                                () -> cases.judgeThemes(file, themes, actor, open),
                                getTranslation("casework.case.themes-saved"))),
                new CustomerCard(
                        file.customer(),
                        cases.responsesOfCustomer(file, actor),
                        cases.otherCasesOfCustomer(file, actor),
                        zone));
        FlexLayout columns = new FlexLayout(left, right);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        add(columns);
    }

    private Component header(CaseFile file, List<TaskRow> open) {
        RouterLink back = new RouterLink(getTranslation("casework.case.back"), TasklistView.class);
        H2 name = new H2(
                file.customer().name() == null
                        ? file.customer().externalId()
                        : file.customer().name());
        name.getStyle().set("margin", "0");
        HorizontalLayout header =
                new HorizontalLayout(back, name, new ScoreBadge(file.score(), file.segment()), status(file));
        open.stream()
                .map(TaskRow::dueAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .ifPresent(due -> header.add(SlaBadge.of(due, clock.instant(), zone, regions.zoneOf(file.region()))));
        helpDeskTicket().ifPresent(header::add);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return header;
    }

    /** The case's help-desk ticket as a link, or the button that opens one (where a help desk is connected). */
    private Optional<Component> helpDeskTicket() {
        Optional<HelpDesk.Ticket> ticket = tickets.ticketOf(caseId);
        if (ticket.isPresent()) {
            Anchor link = new Anchor(
                    ticket.get().agentUrl().toString(),
                    getTranslation(
                            "casework.case.ticket", String.valueOf(ticket.get().id())));
            link.setTarget("_blank");
            link.getElement().setAttribute("rel", "noopener");
            return Optional.of(link);
        }
        if (!tickets.helpDeskConnected()) {
            return Optional.empty();
        }
        Button open = new Button(getTranslation("casework.case.open-ticket"), VaadinIcon.TICKET.create(), e -> {
            try {
                HelpDesk.Ticket opened = tickets.open(caseId, actor);
                Notices.success(getTranslation("casework.case.ticket-opened", String.valueOf(opened.id())));
            } catch (OutreachFailed | IllegalArgumentException failed) {
                Notices.failed(failed.getMessage());
            }
            render();
        });
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return Optional.of(open);
    }

    private Span status(CaseFile file) {
        Span status = new Span(
                file.status() == CaseStatus.OPEN
                        ? getTranslation("casework.case.open")
                        : getTranslation("casework.case.closed-as", Labels.closedAs(file.closedAs())));
        status.getElement().getThemeList().add("badge" + (file.status() == CaseStatus.OPEN ? "" : " success"));
        return status;
    }

    private static VerticalLayout column(String flex, Component... cards) {
        VerticalLayout column = new VerticalLayout(cards);
        column.setPadding(false);
        column.getStyle().set("flex", flex);
        return column;
    }

    // --- the task at hand ---------------------------------------------------------------------------

    private Component currentTask(CaseFile file, List<TaskRow> open) {
        Card card = new Card();
        card.setTitle(getTranslation("casework.case.task-at-hand"));
        card.setWidthFull();
        if (open.isEmpty()) {
            Optional<Instant> retry = cases.nextAttemptDue(file);
            Paragraph waiting = new Paragraph(
                    file.status() != CaseStatus.OPEN
                            ? getTranslation("casework.case.loop-closed")
                            : retry.map(due -> getTranslation("casework.case.next-attempt", Times.format(due, zone)))
                                    .orElse(getTranslation("casework.case.nothing-to-do")));
            waiting.setId("waiting");
            card.add(waiting);
            return card;
        }
        for (TaskRow task : open) {
            card.add(new H3(Labels.task(task.taskName())));
            if (task.isAssignedTo(actor.userId())) {
                if (task.isDelegated()) {
                    card.add(new Paragraph(getTranslation("casework.case.delegated-by", task.owner())));
                }
                card.add(form(task, file));
            } else if (task.isClaimableBy(actor)) {
                Button claim = new Button(
                        getTranslation("casework.case.claim"),
                        e -> act(() -> taskwork.claim(task.taskId(), actor), getTranslation("casework.case.claimed")));
                claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                card.add(new Paragraph(getTranslation("casework.case.unclaimed", task.candidateGroup())), claim);
            } else {
                card.add(new Paragraph(
                        task.assignee() == null
                                ? getTranslation("casework.case.unclaimed", task.candidateGroup())
                                : getTranslation("casework.case.held-by", task.assignee())));
            }
        }
        return card;
    }

    private Component form(TaskRow task, CaseFile file) {
        Optional<TaskForm> form = taskwork.form(task.taskId());
        if (form.isEmpty()) {
            return new Paragraph(getTranslation("casework.case.no-form"));
        }
        taskForm = new TaskFormView(form.get());
        Button complete = new Button(
                task.isDelegated()
                        ? getTranslation("casework.case.hand-back")
                        : getTranslation("casework.case.complete", Labels.taskInSentence(task.taskName())));
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        complete.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        complete.getElement().setAttribute("title", "Ctrl+Enter");
        TaskFormView shown = taskForm;
        complete.addClickListener(e -> {
            if (task.isDelegated()) {
                act(
                        () -> taskwork.handBack(task.taskId(), actor),
                        getTranslation("casework.case.handed-back-to", task.owner()));
                return;
            }
            try {
                taskwork.completeTask(task.taskId(), shown.values(), actor);
                render();
                Notices.success(whatNext(), 5000);
            } catch (InvalidTaskInput invalid) {
                List<FieldProblem> elsewhere = shown.show(invalid.problems());
                Notices.failed(getTranslation(
                        "casework.not-saved",
                        elsewhere.isEmpty()
                                ? getTranslation("casework.case.see-marked-fields")
                                : invalid.getMessage()));
            } catch (TaskNotAvailable gone) {
                Notices.refused(gone);
                render();
            }
        });
        Button email = new Button(
                getTranslation("casework.case.email-customer"), VaadinIcon.ENVELOPE.create(), e -> compose(file, task));
        email.setEnabled(file.customer().email() != null);
        return new VerticalLayout(taskForm, new HorizontalLayout(complete, email));
    }

    /** After a completion: the next task of the case, or what the case waits for. */
    String whatNext() {
        List<TaskRow> next = tasklist.ofCase(actor, caseId);
        if (!next.isEmpty()) {
            TaskRow task = next.get(0);
            String name = Labels.task(task.taskName());
            if (task.isAssignedTo(actor.userId())) {
                return getTranslation("casework.case.next-yours", name);
            }
            return task.assignee() != null
                    ? getTranslation("casework.case.next-with", name, task.assignee())
                    : getTranslation("casework.case.next-for", name, task.candidateGroup());
        }
        CaseFile file = cases.file(caseId, actor).orElseThrow();
        return file.status() == CaseStatus.OPEN
                ? getTranslation("casework.case.done-waiting")
                : getTranslation("casework.case.done-closed", Labels.closedAs(file.closedAs()));
    }

    private void compose(CaseFile file, TaskRow task) {
        new ComposeEmailDialog(
                        file.customer().email(),
                        casework.suggestedEmail(file, task.taskKey()),
                        step -> casework.draftEmail(caseId, step),
                        draft -> {
                            try {
                                casework.sendEmail(caseId, draft);
                                Notices.success(getTranslation(
                                        "casework.case.email-sent",
                                        file.customer().email()));
                                render();
                                return true;
                            } catch (RuntimeException failed) {
                                Notices.failed(getTranslation("casework.case.not-sent", failed.getMessage()));
                                return false;
                            }
                        })
                .open();
    }

    private Component comments() {
        TextArea comment = new TextArea(getTranslation("casework.case.comment"));
        comment.setWidthFull();
        comment.setMaxLength(4000);
        Button add = new Button(getTranslation("casework.case.add-comment"), e -> {
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

    private void act(Runnable action, String done) {
        TaskActions.attempt(action, done, this::render);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("casework.case.page-title") + " · Loopkeeper";
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
