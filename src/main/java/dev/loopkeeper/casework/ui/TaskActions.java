package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.i18n.I18NProvider;
import dev.loopkeeper.casework.BulkOutcome;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.TaskNotAvailable;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.ActionDialog;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.Translations;
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
            Notices.failed(I18NProvider.translate("casework.not-saved", e.getMessage()));
            return false;
        } catch (TaskNotAvailable | IllegalArgumentException e) {
            Notices.refused(e);
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
            openCase.getElement()
                    .setAttribute(
                            "aria-label", I18NProvider.translate("casework.tasklist.open-case-of", row.customerName()));
            openCase.getElement().setAttribute("title", I18NProvider.translate("casework.tasklist.open-case"));
            actions.add(openCase);
        }
        if (row.assignee() == null) {
            actions.add(onTask(
                    I18NProvider.translate("casework.tasklist.claim"),
                    I18NProvider.translate("casework.tasklist.claimed", Labels.task(row.taskName())),
                    row,
                    () -> taskwork.claim(row.taskId(), actor)));
        } else if (row.isAssignedTo(actor.userId())) {
            if (row.isDelegated()) {
                actions.add(onTask(
                        I18NProvider.translate("casework.tasklist.hand-back"),
                        I18NProvider.translate("casework.tasklist.handed-back", Labels.task(row.taskName())),
                        row,
                        () -> taskwork.handBack(row.taskId(), actor)));
            } else {
                actions.add(onTask(
                        I18NProvider.translate("casework.tasklist.release"),
                        I18NProvider.translate("casework.tasklist.released", Labels.task(row.taskName())),
                        row,
                        () -> taskwork.unclaim(row.taskId(), actor)));
                if (ClosedLoop.CONTACT_CUSTOMER.equals(row.taskKey())) {
                    actions.add(small(
                            I18NProvider.translate("casework.tasklist.log-contact"),
                            () -> logContact(row),
                            ButtonVariant.LUMO_PRIMARY));
                }
                if (row.caseId() == null) {
                    actions.add(small(
                            I18NProvider.translate("casework.tasklist.complete-more"),
                            () -> complete(row),
                            ButtonVariant.LUMO_PRIMARY));
                }
                Button pass = new Button(VaadinIcon.USER_CHECK.create(), e -> pass(row));
                pass.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                pass.getElement()
                        .setAttribute(
                                "aria-label",
                                I18NProvider.translate("casework.tasklist.pass-task", Labels.task(row.taskName())));
                pass.getElement().setAttribute("title", I18NProvider.translate("casework.tasklist.pass"));
                actions.add(pass);
            }
        }
        return actions;
    }

    /** Claims the tasks that are still free, after asking. */
    void claimAll(List<TaskRow> rows, Runnable done) {
        ActionDialog.confirm(
                I18NProvider.translate("casework.bulk.claim-title", Labels.tasks(rows.size())),
                I18NProvider.translate("casework.bulk.claim-text"),
                I18NProvider.translate("casework.tasklist.claim"),
                () -> report(
                        taskwork.claimAll(ids(rows), actor), I18NProvider.translate("casework.bulk.claimed"), done));
    }

    /** Asks for a colleague, then before reassigning the tasks to them. */
    void reassignAll(List<TaskRow> rows, Runnable done) {
        Set<String> candidates = new TreeSet<>();
        rows.forEach(row -> {
            if (row.candidateGroup() != null) {
                candidates.addAll(taskwork.colleaguesFor(row.taskId(), actor));
            }
        });
        ComboBox<String> colleague = new ComboBox<>(I18NProvider.translate("casework.bulk.to"), candidates);
        ActionDialog dialog = new ActionDialog(
                I18NProvider.translate("casework.bulk.reassign-title", Labels.tasks(rows.size())), colleague);
        dialog.primaryAction(I18NProvider.translate("casework.bulk.reassign-more"), () -> {
            if (colleague.isEmpty()) {
                colleague.setInvalid(true);
                return false;
            }
            String to = colleague.getValue();
            ActionDialog.confirm(
                    I18NProvider.translate("casework.bulk.reassign-confirm", Labels.tasks(rows.size()), to),
                    I18NProvider.translate("casework.bulk.reassign-text", to),
                    I18NProvider.translate("casework.tasklist.reassign"),
                    () -> report(
                            taskwork.reassignAll(ids(rows), to, actor),
                            I18NProvider.translate("casework.tasklist.reassigned-to", to),
                            done));
            return true;
        });
        dialog.open();
    }

    private boolean attempt(Runnable action, String success) {
        return attempt(action, success, changed);
    }

    private Button onTask(String label, String done, TaskRow row, Runnable action) {
        Button button = small(label, () -> attempt(action, done));
        // an improvement action's task has no customer
        String task = Labels.task(row.taskName());
        button.getElement()
                .setAttribute(
                        "aria-label",
                        row.customerName() == null
                                ? I18NProvider.translate("casework.tasklist.action-on", label, task)
                                : I18NProvider.translate(
                                        "casework.tasklist.action-on-for", label, task, row.customerName()));
        return button;
    }

    private void logContact(TaskRow row) {
        new ContactReportDialog(
                        row,
                        report -> attempt(
                                () -> casework.completeContact(row.taskId(), report, actor),
                                I18NProvider.translate("casework.tasklist.contact-logged", row.customerName())))
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
                                            Labels.task(row.taskName()) + ": "
                                                    + action.action().title(),
                                            new ActionAtHandCard(action),
                                            view))
                                    .orElseGet(() -> new ActionDialog(Labels.task(row.taskName()), view));
                            dialog.setWidth("min(640px, 100vw)");
                            dialog.primaryAction(I18NProvider.translate("casework.tasklist.complete"), () -> {
                                try {
                                    taskwork.completeTask(row.taskId(), view.values(), actor);
                                    Notices.success(I18NProvider.translate(
                                            "casework.tasklist.done", Labels.task(row.taskName())));
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
                                () -> taskwork.completeTask(row.taskId(), Map.of(), actor),
                                I18NProvider.translate("casework.tasklist.done", Labels.task(row.taskName()))));
    }

    /** Hands a claimed task to a colleague of its group: for good (reassign) or to come back (delegate). */
    private void pass(TaskRow row) {
        ComboBox<String> colleague = new ComboBox<>(
                I18NProvider.translate("casework.tasklist.colleague"), taskwork.colleaguesFor(row.taskId(), actor));
        colleague.setRequired(true);
        ActionDialog dialog = new ActionDialog(
                I18NProvider.translate("casework.tasklist.task-for", Labels.task(row.taskName()), row.customerName()),
                colleague);
        dialog.action(
                I18NProvider.translate("casework.tasklist.delegate"),
                () -> !colleague.isEmpty()
                        && attempt(
                                () -> taskwork.delegate(row.taskId(), colleague.getValue(), actor),
                                I18NProvider.translate("casework.tasklist.delegated-to", colleague.getValue())));
        dialog.primaryAction(
                I18NProvider.translate("casework.tasklist.reassign"),
                () -> !colleague.isEmpty()
                        && attempt(
                                () -> taskwork.reassign(row.taskId(), colleague.getValue(), actor),
                                I18NProvider.translate("casework.tasklist.reassigned-to", colleague.getValue())));
        dialog.open();
    }

    private static void report(BulkOutcome outcome, String what, Runnable done) {
        Notices.outcome(
                outcome.summary(what, I18NProvider.translate("casework.bulk.not-changed"), Translations::say),
                outcome.isComplete());
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
