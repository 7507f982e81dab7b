package dev.loopkeeper.sla.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.casework.BulkOutcome;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.TaskNotAvailable;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sla.Escalations;
import dev.loopkeeper.sla.Escalations.Decision;
import dev.loopkeeper.sla.Escalations.Escalation;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

/** Breached cases waiting for a supervisor's decision, oldest breach first, with their context inline. */
@Route("supervision/escalations")
@PageTitle("Escalations · Loopkeeper")
@Menu(title = "Escalations", order = 10, icon = "vaadin:exclamation-circle-o")
@RolesAllowed({SUPERVISORS, ADMINS})
public class EscalationsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    final Grid<Escalation> grid = new Grid<>(Escalation.class, false);
    final Button reassignSelected = new Button("Reassign selected…");
    private final Escalations escalations;
    private final Directory directory;
    private final Actor actor;
    private final Clock clock;
    private final ZoneId zone = ZoneId.systemDefault();

    public EscalationsView(Escalations escalations, Directory directory, CurrentUser currentUser, Clock clock) {
        this.escalations = escalations;
        this.directory = directory;
        this.actor = currentUser.require();
        this.clock = clock;
        setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // a plain link to the case screen: the router takes it, and sla does not reach into casework's views
        grid.addColumn(new ComponentRenderer<>(e -> e.caseId() == null ? new Span(e.customerName())
                : new Anchor("cases/" + e.caseId(), e.customerName() == null ? "case" : e.customerName())))
                .setKey("customer").setHeader("Customer").setAutoWidth(true).setFrozen(true);
        grid.addColumn(e -> e.score() + " " + (e.segment() == null ? "" : e.segment())).setKey("score").setHeader("Score")
                .setAutoWidth(true);
        grid.addColumn(e -> e.comment() == null ? "" : e.comment()).setKey("comment").setHeader("Comment")
                .setWidth("16em").setFlexGrow(2).setTooltipGenerator(Escalation::comment);
        grid.addColumn(e -> ago(e) + " ago").setKey("breached").setHeader("Breached").setAutoWidth(true);
        grid.addColumn(e -> e.group() == null ? "" : e.group()).setKey("group").setHeader("Group").setAutoWidth(true);
        grid.addColumn(e -> e.assigneeAtBreach() == null ? "nobody" : e.assigneeAtBreach()).setKey("held")
                .setHeader("Held by at breach").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setKey("actions").setHeader("Decide")
                .setWidth("19em").setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addSelectionListener(e -> reassignSelected.setEnabled(!e.getAllSelectedItems().isEmpty()));
        reassignSelected.setEnabled(false);
        reassignSelected.addClickListener(e -> reassign(List.copyOf(grid.getSelectedItems())));
        add(new HorizontalLayout(new H2("Escalations"), reassignSelected), grid);
        refresh();
    }

    private String ago(Escalation e) {
        Duration late = Duration.between(e.breachedAt(), clock.instant());
        return late.toDays() > 0 ? late.toDays() + " d " + late.toHoursPart() + " h"
                : late.toHours() + " h " + late.toMinutesPart() + " min";
    }

    private Component actions(Escalation e) {
        Button reassign = small("Reassign…", () -> reassign(List.of(e)));
        Button extend = small("Extend…", () -> extend(e));
        Button takeOver = small("Take over", () -> decide(e, Decision.TAKE_OVER, null, null, "Taken over by " + actor.userId()));
        HorizontalLayout actions = new HorizontalLayout(reassign, extend, takeOver);
        actions.setSpacing(false);
        return actions;
    }

    private static Button small(String label, Runnable action) {
        Button button = new Button(label, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void reassign(List<Escalation> selected) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(selected.size() == 1 ? "Reassign " + selected.get(0).customerName()
                : "Reassign " + selected.size() + " cases");
        ComboBox<String> to = new ComboBox<>("To a person or a group", directory.assignees());
        to.setRequired(true);
        TextArea reason = reason();
        Button go = new Button("Reassign", click -> {
            if (to.isEmpty()) {
                to.setInvalid(true);
                return;
            }
            BulkOutcome outcome = escalations.reassignAll(selected.stream().map(Escalation::reviewTaskId).toList(),
                    to.getValue(), reason.getValue(), actor);
            report(outcome, "Reassigned to " + to.getValue());
            if (outcome.refused().isEmpty()) {
                dialog.close();
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(to, reason));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), go);
        dialog.open();
    }

    private void extend(Escalation e) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Extend the due time for " + e.customerName());
        DateTimePicker due = new DateTimePicker("New due time");
        due.setMin(java.time.LocalDateTime.ofInstant(clock.instant(), zone));
        TextArea reason = reason();
        Button go = new Button("Extend", click -> {
            if (due.isEmpty()) {
                due.setInvalid(true);
                return;
            }
            if (decide(e, Decision.EXTEND, null, due.getValue().atZone(zone).toInstant(), reason.getValue())) {
                dialog.close();
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(due, reason));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), go);
        dialog.open();
    }

    private static TextArea reason() {
        TextArea reason = new TextArea("Reason (recorded with the breach)");
        reason.setRequired(true);
        reason.setMaxLength(2000);
        reason.setWidthFull();
        return reason;
    }

    private boolean decide(Escalation e, Decision decision, String target, java.time.Instant due, String reason) {
        try {
            escalations.decide(e.reviewTaskId(), decision, target, due, reason, actor);
            Notification.show("Decided for " + e.customerName(), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            return true;
        } catch (InvalidTaskInput | TaskNotAvailable | IllegalArgumentException refused) {
            Notification.show(refused.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }

    private void report(BulkOutcome outcome, String done) {
        String message = done + ": " + outcome.done().size() + (outcome.refused().isEmpty() ? ""
                : ". Not changed: " + outcome.refused().size() + " (" + outcome.refused().values().stream().distinct()
                .collect(Collectors.joining("; ")) + ")");
        Notification.show(message, 6000, Notification.Position.BOTTOM_START).addThemeVariants(
                outcome.refused().isEmpty() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
        refresh();
    }

    private void refresh() {
        List<Escalation> queue = escalations.queue(actor);
        grid.setItems(queue);
        grid.deselectAll();
        if (queue.isEmpty()) {
            grid.setEmptyStateText("No breached case waits for a decision.");
        }
    }
}
