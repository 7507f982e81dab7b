package dev.loopkeeper.sla.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
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
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.ActionDialog;
import dev.loopkeeper.sharedkernel.ui.Counted;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.ScoreBadge;
import dev.loopkeeper.sharedkernel.ui.Times;
import dev.loopkeeper.sla.Escalations;
import dev.loopkeeper.sla.Escalations.Decision;
import dev.loopkeeper.sla.Escalations.Escalation;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Breached cases waiting for a supervisor's decision, oldest breach first, with their context inline. */
@Route("supervision/escalations")
@PageTitle("Escalations · Loopkeeper")
@Menu(title = "Escalations", order = 10, icon = "vaadin:exclamation-circle-o")
@RolesAllowed({SUPERVISORS, ADMINS})
public class EscalationsView extends VerticalLayout {

    final Grid<Escalation> grid = new Grid<>(Escalation.class, false);
    final Button reassignSelected = new Button("Reassign selected…");
    private final Escalations escalations;
    private final Directory directory;
    private final Actor actor;
    private final Clock clock;
    private final ZoneId zone = Times.zone();

    public EscalationsView(Escalations escalations, Directory directory, CurrentUser currentUser, Clock clock) {
        this.escalations = escalations;
        this.directory = directory;
        this.actor = currentUser.require();
        this.clock = clock;
        setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // a plain link to the case screen: the router takes it, and sla does not reach into casework's views
        grid.addColumn(new ComponentRenderer<>(e -> e.caseId() == null
                        ? new Span(e.customerName())
                        : new Anchor("cases/" + e.caseId(), e.customerName() == null ? "case" : e.customerName())))
                .setKey("customer")
                .setHeader("Customer")
                .setAutoWidth(true)
                .setFrozen(true);
        grid.addColumn(new ComponentRenderer<>(
                        e -> new ScoreBadge(e.score(), e.score() == null ? null : Segment.of(e.score()))))
                .setKey("score")
                .setHeader("Score")
                .setTextAlign(ColumnTextAlign.CENTER)
                .setAutoWidth(true);
        grid.addColumn(e -> e.comment() == null ? "" : e.comment())
                .setKey("comment")
                .setHeader("Comment")
                .setWidth("8em")
                .setFlexGrow(2)
                .setTooltipGenerator(Escalation::comment);
        grid.addColumn(e -> ago(e) + " ago")
                .setKey("breached")
                .setHeader("Breached")
                .setAutoWidth(true);
        grid.addColumn(e -> e.group() == null ? "" : e.group())
                .setKey("group")
                .setHeader("Group")
                .setAutoWidth(true);
        grid.addColumn(e -> e.assigneeAtBreach() == null ? "nobody" : e.assigneeAtBreach())
                .setKey("held")
                .setHeader("Held by at breach")
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::actions))
                .setKey("actions")
                .setHeader("Decide")
                .setWidth("19em")
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addSelectionListener(
                e -> reassignSelected.setEnabled(!e.getAllSelectedItems().isEmpty()));
        reassignSelected.setEnabled(false);
        reassignSelected.addClickListener(e -> reassign(List.copyOf(grid.getSelectedItems())));
        add(new HorizontalLayout(new H2("Escalations"), reassignSelected), grid);
        refresh();
    }

    private String ago(Escalation e) {
        Duration late = Duration.between(e.breachedAt(), clock.instant());
        return late.toDays() > 0
                ? late.toDays() + " d " + late.toHoursPart() + " h"
                : late.toHours() + " h " + late.toMinutesPart() + " min";
    }

    private Component actions(Escalation e) {
        Button reassign = small("Reassign…", () -> reassign(List.of(e)));
        Button extend = small("Extend…", () -> extend(e));
        Button takeOver = small("Take over…", () -> takeOver(e));
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
        ComboBox<String> to = new ComboBox<>("To a person or a group", directory.assignees());
        to.setRequired(true);
        TextArea reason = reason();
        ActionDialog dialog = new ActionDialog(
                selected.size() == 1
                        ? "Reassign " + selected.get(0).customerName()
                        : "Reassign " + Counted.of(selected.size(), "case", "cases"),
                new VerticalLayout(to, reason));
        to.addValueChangeListener(change -> to.setInvalid(to.isEmpty()));
        to.setErrorMessage("Choose a person or a group");
        dialog.primaryAction("Reassign", () -> {
            boolean given = ActionDialog.given(reason);
            if (to.isEmpty() || !given) {
                to.setInvalid(to.isEmpty());
                return false;
            }
            BulkOutcome outcome = escalations.reassignAll(
                    selected.stream().map(Escalation::reviewTaskId).toList(), to.getValue(), reason.getValue(), actor);
            Notices.outcome(outcome.summary("Reassigned to " + to.getValue()), outcome.isComplete());
            refresh();
            return outcome.isComplete();
        });
        dialog.open();
    }

    private void extend(Escalation e) {
        DateTimePicker due = new DateTimePicker("New due time");
        due.setMin(LocalDateTime.ofInstant(clock.instant(), zone));
        TextArea reason = reason();
        ActionDialog dialog =
                new ActionDialog("Extend the due time for " + e.customerName(), new VerticalLayout(due, reason));
        due.setErrorMessage("Choose the new due time");
        due.addValueChangeListener(change -> due.setInvalid(due.isEmpty()));
        dialog.primaryAction("Extend", () -> {
            boolean given = ActionDialog.given(reason);
            if (due.isEmpty() || !given) {
                due.setInvalid(due.isEmpty());
                return false;
            }
            return decide(e, Decision.EXTEND, null, due.getValue().atZone(zone).toInstant(), reason.getValue());
        });
        dialog.open();
    }

    /** Taking a case over is a decision like the others: it needs a reason. */
    private void takeOver(Escalation e) {
        TextArea reason = reason();
        ActionDialog dialog = new ActionDialog("Take over " + e.customerName(), new VerticalLayout(reason));
        dialog.primaryAction(
                "Take over",
                () -> ActionDialog.given(reason)
                        && decide(
                                e,
                                Decision.TAKE_OVER,
                                null,
                                null,
                                reason.getValue().strip()));
        dialog.open();
    }

    private static TextArea reason() {
        return ActionDialog.reason("Reason (recorded with the breach)", 2000);
    }

    private boolean decide(Escalation e, Decision decision, String target, Instant due, String reason) {
        try {
            escalations.decide(e.reviewTaskId(), decision, target, due, reason, actor);
            Notices.success("Decided for " + e.customerName());
            refresh();
            return true;
        } catch (InvalidTaskInput | TaskNotAvailable | IllegalArgumentException refused) {
            Notices.refused(refused.getMessage());
            return false;
        }
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
