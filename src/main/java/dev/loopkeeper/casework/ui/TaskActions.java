package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.loopkeeper.casework.BulkOutcome;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.TaskNotAvailable;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.ActionDialog;
import dev.loopkeeper.sharedkernel.ui.Counted;
import dev.loopkeeper.sharedkernel.ui.Notices;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What an agent does to tasks from the tasklist: the buttons of a row, the dialogs behind them, and the bulk
 * actions. Each action runs, a notice says what happened or why not, and then the screen shows the tasks as
 * they are now.
 */
class TaskActions {

    private final Taskwork taskwork;
    private final Casework casework;
    private final Actor actor;
    private final Runnable changed;

    /** @param changed shows the tasks again, after every action whether it went through or not */
    TaskActions(Taskwork taskwork, Casework casework, Actor actor, Runnable changed) {
        this.taskwork = taskwork;
        this.casework = casework;
        this.actor = actor;
        this.changed = changed;
    }

    /**
     * Runs a task action and tells the user what happened; a task someone else took, or a form rule the
     * server enforces, is explained rather than thrown.
     *
     * @param after runs in any case, last
     * @return whether the action went through
     */
    static boolean attempt(Runnable action, String success, Runnable after) {
        try {
            action.run();
            Notices.success(success);
            return true;
        } catch (InvalidTaskInput e) {
            Notices.failed("Not saved: " + e.getMessage());
            return false;
        } catch (TaskNotAvailable | IllegalArgumentException e) {
            Notices.refused(e.getMessage());
            return false;
        } finally {
            after.run();
        }
    }

    /** The buttons of a row: open its case, and what its holder (or anyone, while nobody holds it) can do. */
    Component buttons(TaskRow row, Consumer<TaskRow> open) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (row.caseId() != null) {
            // an icon: the row is narrow enough for 1280 px with the actions beside it; Enter and a double click open
            // too
            Button openCase = new Button(VaadinIcon.FOLDER_OPEN_O.create(), e -> open.accept(row));
            openCase.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            openCase.getElement().setAttribute("aria-label", "Open the case of " + row.customerName());
            openCase.getElement().setAttribute("title", "Open the case");
            actions.add(openCase);
        }
        if (row.assignee() == null) {
            actions.add(onTask("Claim", "Claimed", row, () -> taskwork.claim(row.taskId(), actor)));
        } else if (row.isAssignedTo(actor.userId())) {
            if (row.isDelegated()) {
                actions.add(onTask("Hand back", "Handed back", row, () -> taskwork.handBack(row.taskId(), actor)));
            } else {
                actions.add(onTask("Release", "Released", row, () -> taskwork.unclaim(row.taskId(), actor)));
                if (ClosedLoop.CONTACT_CUSTOMER.equals(row.taskKey())) {
                    actions.add(small("Log contact", () -> logContact(row), ButtonVariant.LUMO_PRIMARY));
                }
                if (row.caseId() == null) {
                    actions.add(small("Complete…", () -> complete(row), ButtonVariant.LUMO_PRIMARY));
                }
                Button pass = new Button(VaadinIcon.USER_CHECK.create(), e -> pass(row));
                pass.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                pass.getElement().setAttribute("aria-label", "Delegate or reassign " + row.taskName());
                pass.getElement().setAttribute("title", "Delegate or reassign");
                actions.add(pass);
            }
        }
        return actions;
    }

    /** Claims the tasks that are still free, after asking. */
    void claimAll(List<TaskRow> rows, Runnable done) {
        ActionDialog.confirm(
                "Claim " + Counted.of(rows.size(), "task", "tasks") + "?",
                "Tasks someone else holds stay with them.",
                "Claim",
                () -> report(taskwork.claimAll(ids(rows), actor), "Claimed", done));
    }

    /** Asks for a colleague, then before reassigning the tasks to them. */
    void reassignAll(List<TaskRow> rows, Runnable done) {
        Set<String> candidates = new TreeSet<>();
        rows.forEach(row -> {
            if (row.candidateGroup() != null) {
                candidates.addAll(taskwork.colleaguesFor(row.taskId(), actor));
            }
        });
        ComboBox<String> colleague = new ComboBox<>("To", candidates);
        ActionDialog dialog = new ActionDialog("Reassign " + Counted.of(rows.size(), "task", "tasks"), colleague);
        dialog.primaryAction("Reassign…", () -> {
            if (colleague.isEmpty()) {
                colleague.setInvalid(true);
                return false;
            }
            String to = colleague.getValue();
            ActionDialog.confirm(
                    "Reassign " + Counted.of(rows.size(), "task", "tasks") + " to " + to + "?",
                    "Tasks outside " + to + "'s groups stay where they are.",
                    "Reassign",
                    () -> report(taskwork.reassignAll(ids(rows), to, actor), "Reassigned to " + to, done));
            return true;
        });
        dialog.open();
    }

    private boolean attempt(Runnable action, String success) {
        return attempt(action, success, changed);
    }

    private Button onTask(String label, String done, TaskRow row, Runnable action) {
        Button button = small(label, () -> attempt(action, done + ": " + row.taskName()));
        // an improvement action's task has no customer
        String whose = row.customerName() == null ? "" : " for " + row.customerName();
        button.getElement().setAttribute("aria-label", label + " " + row.taskName() + whose);
        return button;
    }

    private void logContact(TaskRow row) {
        new ContactReportDialog(
                        row,
                        report -> attempt(
                                () -> casework.completeContact(row.taskId(), report, actor),
                                "Contact logged for " + row.customerName()))
                .open();
    }

    /** Tasks without a case (an improvement action's) are completed right here, with their form. */
    private void complete(TaskRow row) {
        taskwork.form(row.taskId())
                .ifPresentOrElse(
                        form -> {
                            TaskFormView view = new TaskFormView(form);
                            ActionDialog dialog = taskwork.actionOf(row.taskId(), actor)
                                    .map(action -> new ActionDialog(
                                            row.taskName() + ": "
                                                    + action.action().title(),
                                            new ActionAtHandCard(action),
                                            view))
                                    .orElseGet(() -> new ActionDialog(row.taskName(), view));
                            dialog.setWidth("min(640px, 100vw)");
                            dialog.primaryAction("Complete", () -> {
                                try {
                                    taskwork.completeTask(row.taskId(), view.values(), actor);
                                    Notices.success("Done: " + row.taskName());
                                    changed.run();
                                    return true;
                                } catch (InvalidTaskInput invalid) {
                                    view.show(invalid.problems());
                                    return false;
                                }
                            });
                            dialog.open();
                        },
                        () -> attempt(
                                () -> taskwork.completeTask(row.taskId(), Map.of(), actor), "Done: " + row.taskName()));
    }

    /** Hands a claimed task to a colleague of its group: for good (reassign) or to come back (delegate). */
    private void pass(TaskRow row) {
        ComboBox<String> colleague = new ComboBox<>("Colleague", taskwork.colleaguesFor(row.taskId(), actor));
        colleague.setRequired(true);
        ActionDialog dialog = new ActionDialog(row.taskName() + " for " + row.customerName(), colleague);
        dialog.action(
                "Delegate (comes back to me)",
                () -> !colleague.isEmpty()
                        && attempt(
                                () -> taskwork.delegate(row.taskId(), colleague.getValue(), actor),
                                "Delegated to " + colleague.getValue()));
        dialog.primaryAction(
                "Reassign",
                () -> !colleague.isEmpty()
                        && attempt(
                                () -> taskwork.reassign(row.taskId(), colleague.getValue(), actor),
                                "Reassigned to " + colleague.getValue()));
        dialog.open();
    }

    private static void report(BulkOutcome outcome, String what, Runnable done) {
        Notices.outcome(outcome.summary(what), outcome.isComplete());
        done.run();
    }

    private static List<String> ids(List<TaskRow> rows) {
        return rows.stream().map(TaskRow::taskId).toList();
    }

    private static Button small(String label, Runnable action, ButtonVariant... variants) {
        Button button = new Button(label, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addThemeVariants(variants);
        return button;
    }
}
