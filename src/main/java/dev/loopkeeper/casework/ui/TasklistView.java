package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.TaskNotAvailable;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.casework.Tasklist;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.sharedkernel.Actor;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The frontline tasklist: my tasks and my groups' unclaimed tasks, due first. */
@Route("")
@PageTitle("Tasklist · Loopkeeper")
@Menu(title = "Tasklist", order = 0, icon = "vaadin:tasks")
@PermitAll
public class TasklistView extends VerticalLayout {

    private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);

    final Grid<TaskRow> grid = new Grid<>(TaskRow.class, false);
    private final Casework casework;
    private final Actor actor;
    private final Clock clock;
    private final ZoneId zone = ZoneId.systemDefault();

    public TasklistView(Tasklist tasklist, Casework casework, CurrentUser currentUser, Clock clock) {
        this.casework = casework;
        this.actor = currentUser.require();
        this.clock = clock;
        setSizeFull();

        grid.addColumn(TaskRow::customerName).setKey("customer").setHeader("Customer").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(TasklistView::scoreBadge)).setKey("score").setHeader("Score")
                .setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> excerpt(row.comment())).setKey("comment").setHeader("Comment").setFlexGrow(3);
        grid.addColumn(TaskRow::taskName).setKey("task").setHeader("Task").setSortProperty("name").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::due)).setKey("due").setHeader("Due").setSortProperty("dueAt").setAutoWidth(true);
        grid.addColumn(row -> row.assignee() == null ? row.candidateGroup() : row.assignee())
                .setKey("assignee").setHeader("Assignee / group").setSortProperty("assignee").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setKey("actions").setHeader("Actions")
                .setWidth("15em").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setItems(
                query -> tasklist.workOf(actor, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) tasklist.countWorkOf(actor));

        add(new H2("Tasks"), grid);
    }

    private static Component scoreBadge(TaskRow row) {
        if (row.score() == null) {
            return new Span();
        }
        Span badge = new Span(String.valueOf(row.score()));
        badge.getElement().getThemeList().add("badge pill " + switch (row.segment()) {
            case DETRACTOR -> "error";
            case PASSIVE -> "contrast";
            case PROMOTER -> "success";
        });
        badge.getElement().setAttribute("title", row.segment().key());
        return badge;
    }

    private Component due(TaskRow row) {
        if (row.dueAt() == null) {
            return new Span();
        }
        Duration left = Duration.between(clock.instant(), row.dueAt());
        Span due = new Span(DUE_FORMAT.format(row.dueAt().atZone(zone)));
        due.getElement().setAttribute("title", left.isNegative() ? "Overdue" : "Due in " + humanized(left));
        if (left.isNegative()) {
            due.getElement().getThemeList().add("badge error");
        } else if (left.compareTo(Duration.ofHours(8)) < 0) {
            due.getElement().getThemeList().add("badge");
        }
        return due;
    }

    private Component actions(TaskRow row) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (row.assignee() == null) {
            actions.add(button("Claim", "Claimed", row, () -> casework.claim(row.taskId(), actor)));
        } else if (row.isAssignedTo(actor.userId())) {
            actions.add(button("Release", "Released", row, () -> casework.unclaim(row.taskId(), actor)));
            if (ClosedLoop.CONTACT_CUSTOMER.equals(row.taskKey())) {
                Button complete = new Button("Log contact", e -> openContactDialog(row));
                complete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                actions.add(complete);
            } else if (ClosedLoop.REVIEW_ESCALATION.equals(row.taskKey())) {
                Button review = new Button("Review", e -> openReviewDialog(row));
                review.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                actions.add(review);
            }
        }
        return actions;
    }

    private Button button(String label, String done, TaskRow row, Runnable action) {
        Button button = new Button(label, e -> run(action, done + ": " + row.taskName()));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-label", label + " " + row.taskName() + " for " + row.customerName());
        return button;
    }

    private void openContactDialog(TaskRow row) {
        new ContactReportDialog(row, report -> run(() -> casework.completeContact(row.taskId(), report, actor),
                "Contact logged for " + row.customerName())).open();
    }

    private void openReviewDialog(TaskRow row) {
        new EscalationReviewDialog(row, values -> run(() -> casework.completeTask(row.taskId(), values, actor),
                "Escalation reviewed for " + row.customerName())).open();
    }

    /**
     * Runs a task action and tells the user what happened; a task someone else took, or a form rule the
     * server enforces, is explained rather than thrown.
     *
     * @return whether the action went through
     */
    private boolean run(Runnable action, String success) {
        try {
            action.run();
            Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return true;
        } catch (InvalidTaskInput e) {
            Notification.show("Not saved: " + e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        } catch (TaskNotAvailable | IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        } finally {
            grid.getDataProvider().refreshAll();
        }
    }

    private static String excerpt(String comment) {
        if (comment == null) {
            return "";
        }
        return comment.length() <= 120 ? comment : comment.substring(0, 117) + "…";
    }

    private static String humanized(Duration d) {
        return d.toDays() > 0 ? d.toDays() + " d " + d.toHoursPart() + " h" : d.toHours() + " h " + d.toMinutesPart() + " min";
    }
}
