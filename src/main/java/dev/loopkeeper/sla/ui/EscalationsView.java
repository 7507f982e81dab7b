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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.casework.BulkOutcome;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.TaskNotAvailable;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.ActionDialog;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.ScoreBadge;
import dev.loopkeeper.sharedkernel.ui.Times;
import dev.loopkeeper.sharedkernel.ui.Translations;
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
@Menu(title = "Escalations", order = 10, icon = "vaadin:exclamation-circle-o")
@RolesAllowed({SUPERVISORS, ADMINS})
public class EscalationsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Escalation> grid = new Grid<>(Escalation.class, false);
    final Button reassignSelected = new Button(getTranslation("sla.escalations.reassign-selected"));
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
                        : new Anchor(
                                "cases/" + e.caseId(),
                                e.customerName() == null ? getTranslation("sla.case") : e.customerName())))
                .setKey("customer")
                .setHeader(getTranslation("sla.column.customer"))
                .setAutoWidth(true)
                .setFrozen(true);
        grid.addColumn(new ComponentRenderer<>(
                        e -> new ScoreBadge(e.score(), e.score() == null ? null : Segment.of(e.score()))))
                .setKey("score")
                .setHeader(getTranslation("sla.column.score"))
                .setTextAlign(ColumnTextAlign.CENTER)
                .setAutoWidth(true);
        grid.addColumn(e -> e.comment() == null ? "" : e.comment())
                .setKey("comment")
                .setHeader(getTranslation("sla.column.comment"))
                .setWidth("8em")
                .setFlexGrow(2)
                .setTooltipGenerator(Escalation::comment);
        grid.addColumn(e -> getTranslation("sla.escalations.ago", ago(e)))
                .setKey("breached")
                .setHeader(getTranslation("sla.column.breached"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.group() == null ? "" : e.group())
                .setKey("group")
                .setHeader(getTranslation("sla.column.group"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.assigneeAtBreach() == null ? getTranslation("sla.nobody") : e.assigneeAtBreach())
                .setKey("held")
                .setHeader(getTranslation("sla.column.held"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::actions))
                .setKey("actions")
                .setHeader(getTranslation("sla.column.decide"))
                .setWidth("19em")
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addSelectionListener(
                e -> reassignSelected.setEnabled(!e.getAllSelectedItems().isEmpty()));
        reassignSelected.setEnabled(false);
        reassignSelected.addClickListener(e -> reassign(List.copyOf(grid.getSelectedItems())));
        add(new HorizontalLayout(new H2(getTranslation("sla.escalations.heading")), reassignSelected), grid);
        refresh();
    }

    private String ago(Escalation e) {
        Duration late = Duration.between(e.breachedAt(), clock.instant());
        return late.toDays() > 0
                ? getTranslation("sla.duration.days", late.toDays(), late.toHoursPart())
                : getTranslation("sla.duration.hours", late.toHours(), late.toMinutesPart());
    }

    private Component actions(Escalation e) {
        Button reassign = small(getTranslation("sla.escalations.reassign-one"), () -> reassign(List.of(e)));
        Button extend = small(getTranslation("sla.escalations.extend-one"), () -> extend(e));
        Button takeOver = small(getTranslation("sla.escalations.take-over-one"), () -> takeOver(e));
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
        ComboBox<String> to = new ComboBox<>(getTranslation("sla.escalations.reassign.to"), directory.assignees());
        to.setRequired(true);
        TextArea reason = reason();
        ActionDialog dialog = new ActionDialog(
                selected.size() == 1
                        ? getTranslation(
                                "sla.escalations.reassign.title-one",
                                selected.get(0).customerName())
                        : getTranslation("sla.escalations.reassign.title-many", selected.size()),
                new VerticalLayout(to, reason));
        to.addValueChangeListener(change -> to.setInvalid(to.isEmpty()));
        to.setErrorMessage(getTranslation("sla.escalations.reassign.choose"));
        dialog.primaryAction(getTranslation("sla.escalations.reassign"), () -> {
            boolean given = ActionDialog.given(reason);
            if (to.isEmpty() || !given) {
                to.setInvalid(to.isEmpty());
                return false;
            }
            BulkOutcome outcome = escalations.reassignAll(
                    selected.stream().map(Escalation::reviewTaskId).toList(), to.getValue(), reason.getValue(), actor);
            Notices.outcome(
                    outcome.summary(
                            getTranslation("sla.escalations.reassigned-to", to.getValue()),
                            getTranslation("sla.escalations.not-changed"),
                            Translations::say),
                    outcome.isComplete());
            refresh();
            return outcome.isComplete();
        });
        dialog.open();
    }

    private void extend(Escalation e) {
        DateTimePicker due = new DateTimePicker(getTranslation("sla.escalations.extend.due"));
        due.setMin(LocalDateTime.ofInstant(clock.instant(), zone));
        TextArea reason = reason();
        ActionDialog dialog = new ActionDialog(
                getTranslation("sla.escalations.extend.title", e.customerName()), new VerticalLayout(due, reason));
        due.setErrorMessage(getTranslation("sla.escalations.extend.choose"));
        due.addValueChangeListener(change -> due.setInvalid(due.isEmpty()));
        dialog.primaryAction(getTranslation("sla.escalations.extend"), () -> {
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
        ActionDialog dialog = new ActionDialog(
                getTranslation("sla.escalations.take-over.title", e.customerName()), new VerticalLayout(reason));
        dialog.primaryAction(
                getTranslation("sla.escalations.take-over"),
                () -> ActionDialog.given(reason)
                        && decide(
                                e,
                                Decision.TAKE_OVER,
                                null,
                                null,
                                reason.getValue().strip()));
        dialog.open();
    }

    private TextArea reason() {
        return ActionDialog.reason(getTranslation("sla.escalations.reason"), 2000);
    }

    private boolean decide(Escalation e, Decision decision, String target, Instant due, String reason) {
        try {
            escalations.decide(e.reviewTaskId(), decision, target, due, reason, actor);
            Notices.success(getTranslation("sla.escalations.decided", e.customerName()));
            refresh();
            return true;
        } catch (InvalidTaskInput | TaskNotAvailable | IllegalArgumentException refused) {
            Notices.refused(refused);
            return false;
        }
    }

    private void refresh() {
        List<Escalation> queue = escalations.queue(actor);
        grid.setItems(queue);
        grid.deselectAll();
        if (queue.isEmpty()) {
            grid.setEmptyStateText(getTranslation("sla.escalations.empty"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.supervision.escalations") + " · Loopkeeper";
    }
}
