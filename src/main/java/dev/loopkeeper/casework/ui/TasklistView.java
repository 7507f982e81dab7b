package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.loopkeeper.casework.BulkOutcome;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.TaskChanged;
import dev.loopkeeper.casework.TaskFilter;
import dev.loopkeeper.casework.TaskNotAvailable;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.casework.TaskView;
import dev.loopkeeper.casework.Tasklist;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.insight.ImprovementProcess;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Segment;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The frontline tasklist: saved views, filters, bulk actions and an SLA countdown, paged in the database.
 * The URL carries the view and the filters, so a list can be shared and the back button works. New work
 * for the agent's groups appears without a reload.
 */
@Route("")
@PageTitle("Tasklist · Loopkeeper")
@Menu(title = "Tasklist", order = 0, icon = "vaadin:tasks")
@PermitAll
public class TasklistView extends VerticalLayout implements BeforeEnterObserver {

    /** Task names by key, for the task filter: the user tasks of the two models. */
    static final Map<String, String> TASKS = new LinkedHashMap<>();

    static {
        TASKS.put(ClosedLoop.CONTACT_CUSTOMER, "Contact customer");
        TASKS.put(ClosedLoop.LOG_RESOLUTION, "Log resolution");
        TASKS.put(ClosedLoop.THANK_PROMOTER, "Thank promoter");
        TASKS.put(ClosedLoop.REVIEW_ESCALATION, "Review escalation");
        TASKS.put(ImprovementProcess.IMPLEMENT, "Implement");
        TASKS.put(ImprovementProcess.VERIFY_FIX, "Verify fix");
    }

    final Tabs views = new Tabs();
    final Map<TaskView, Tab> tabs = new LinkedHashMap<>();
    final MultiSelectComboBox<Segment> segments = new MultiSelectComboBox<>("Segment");
    final Select<String> task = new Select<>();
    final Select<String> group = new Select<>();
    final ComboBox<String> location = new ComboBox<>("Location");
    final ComboBox<String> product = new ComboBox<>("Product");
    final TextField search = new TextField("Search");
    final Grid<TaskRow> grid = new Grid<>(TaskRow.class, false);
    final Button claimSelected = new Button("Claim selected");
    final Button reassignSelected = new Button("Reassign selected…");
    final Span total = new Span();

    private final Tasklist tasklist;
    private final Casework casework;
    private final Taskwork taskwork;
    private final TaskBroadcaster broadcaster;
    private final Actor actor;
    private final Clock clock;
    private final ZoneId zone = ZoneId.systemDefault();
    private TaskFilter filter;
    /** While the URL is applied to the fields, their changes must not navigate again. */
    private boolean applyingUrl;
    private TaskRow focused;
    private Registration live;

    public TasklistView(Tasklist tasklist, Casework casework, Taskwork taskwork, TaskBroadcaster broadcaster, CurrentUser currentUser,
                        Clock clock) {
        this.tasklist = tasklist;
        this.casework = casework;
        this.taskwork = taskwork;
        this.broadcaster = broadcaster;
        this.actor = currentUser.require();
        this.clock = clock;
        this.filter = TaskFilter.of(TaskView.MY_WORK);
        setSizeFull();

        boolean lead = actor.oversees();
        for (TaskView view : TaskView.values()) {
            if (view != TaskView.ALL_OPEN || lead) {
                Tab tab = new Tab(view.label());
                tab.setId("view-" + view.key());
                tabs.put(view, tab);
                views.add(tab);
            }
        }
        views.addSelectedChangeListener(e -> tabs.entrySet().stream().filter(t -> t.getValue() == e.getSelectedTab())
                .findFirst().ifPresent(t -> navigate(filter.withView(t.getKey()))));

        add(new HorizontalLayout(new H2("Tasks"), total), views, filters(), bulkBar(), grid());
        expand(grid);
    }

    private Component filters() {
        segments.setItems(Segment.values());
        segments.setItemLabelGenerator(Segment::key);
        task.setLabel("Task");
        task.setItems(new ArrayList<>(TASKS.keySet()));
        task.setItemLabelGenerator(key -> key == null ? "Any task" : TASKS.get(key));
        task.setEmptySelectionAllowed(true);
        group.setLabel("Group");
        group.setItems(new ArrayList<>(new TreeSet<>(actor.groups())));
        group.setItemLabelGenerator(g -> g == null ? "Any group" : g);
        group.setEmptySelectionAllowed(true);
        location.setItems(tasklist.openLocations());
        location.setClearButtonVisible(true);
        product.setItems(tasklist.openProducts());
        product.setClearButtonVisible(true);
        search.setPlaceholder("Customer name or comment");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        segments.addValueChangeListener(e -> filtersChanged());
        task.addValueChangeListener(e -> filtersChanged());
        group.addValueChangeListener(e -> filtersChanged());
        location.addValueChangeListener(e -> filtersChanged());
        product.addValueChangeListener(e -> filtersChanged());
        search.addValueChangeListener(e -> filtersChanged());
        HorizontalLayout bar = new HorizontalLayout(search, segments, task, group, location, product);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private Component bulkBar() {
        claimSelected.addClickListener(e -> confirmBulk("Claim " + selected().size() + " tasks?",
                "Tasks someone else holds stay with them.", "Claim",
                () -> report(taskwork.claimAll(selectedIds(), actor), "Claimed")));
        reassignSelected.addClickListener(e -> pickColleague());
        claimSelected.setEnabled(false);
        reassignSelected.setEnabled(false);
        HorizontalLayout bar = new HorizontalLayout(claimSelected, reassignSelected);
        bar.setSpacing(true);
        return bar;
    }

    private Component grid() {
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(TaskRow::customerName).setKey("customer").setHeader("Customer").setSortProperty("customerName")
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(new ComponentRenderer<>(row -> scoreBadge(row.score(), row.segment()))).setKey("score")
                .setHeader("Score").setSortProperty("score").setTextAlign(ColumnTextAlign.CENTER).setWidth("6.5em")
                .setFlexGrow(0);
        grid.addColumn(row -> excerpt(row.comment())).setKey("comment").setHeader("Comment").setFlexGrow(3)
                .setWidth("18em").setTooltipGenerator(TaskRow::comment);
        grid.addColumn(TaskRow::taskName).setKey("task").setHeader("Task").setSortProperty("taskName")
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(row -> SlaBadge.of(row.dueAt(), clock.instant(), zone))).setKey("due")
                .setHeader("SLA").setSortProperty("dueAt").setAutoWidth(true);
        grid.addColumn(TasklistView::holder).setKey("assignee").setHeader("Assignee / group")
                .setSortProperty("assignee").setAutoWidth(true);
        grid.addColumn(row -> row.preferredChannel() == null ? "" : row.preferredChannel().key()).setKey("channel")
                .setHeader("Channel").setAutoWidth(true);
        // frozen to the right edge: the actions stay in reach however wide the other columns get
        grid.addColumn(new ComponentRenderer<>(this::actions)).setKey("actions").setHeader("Actions")
                .setWidth("15em").setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setItems(
                query -> tasklist.page(actor, filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) tasklist.count(actor, filter));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
        // Enter on a focused row opens its case: the list works without a mouse
        Shortcuts.addShortcutListener(grid, () -> {
            if (focused != null) {
                open(focused);
            }
        }, Key.ENTER).listenOn(grid);
        grid.addSelectionListener(e -> {
            claimSelected.setEnabled(!e.getAllSelectedItems().isEmpty());
            reassignSelected.setEnabled(!e.getAllSelectedItems().isEmpty());
            claimSelected.setText("Claim selected (" + e.getAllSelectedItems().size() + ")");
        });
        grid.getElement().setAttribute("aria-label", "Tasks");
        return grid;
    }

    static Component scoreBadge(Integer score, Segment segment) {
        if (score == null || segment == null) {
            return new Span();
        }
        Span badge = new Span(String.valueOf(score));
        badge.getElement().getThemeList().add("badge pill " + switch (segment) {
            case DETRACTOR -> "error";
            case PASSIVE -> "contrast";
            case PROMOTER -> "success";
        });
        badge.getElement().setAttribute("title", segment.key());
        badge.getElement().setAttribute("aria-label", "score " + score + ", " + segment.key());
        return badge;
    }

    private static String holder(TaskRow row) {
        if (row.assignee() == null) {
            return row.candidateGroup();
        }
        return row.isDelegated() ? row.assignee() + " (for " + row.owner() + ")" : row.assignee();
    }

    private Component actions(TaskRow row) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (row.caseId() != null) {
            Button open = new Button("Open", e -> open(row));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            open.getElement().setAttribute("aria-label", "Open the case of " + row.customerName());
            actions.add(open);
        }
        if (row.assignee() == null) {
            actions.add(button("Claim", "Claimed", row, () -> taskwork.claim(row.taskId(), actor)));
        } else if (row.isAssignedTo(actor.userId())) {
            if (row.isDelegated()) {
                actions.add(button("Hand back", "Handed back", row, () -> taskwork.handBack(row.taskId(), actor)));
            } else {
                actions.add(button("Release", "Released", row, () -> taskwork.unclaim(row.taskId(), actor)));
                if (ClosedLoop.CONTACT_CUSTOMER.equals(row.taskKey())) {
                    Button log = new Button("Log contact", e -> openContactDialog(row));
                    log.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                    actions.add(log);
                }
                if (row.caseId() == null) {
                    Button complete = new Button("Complete…", e -> completeInDialog(row));
                    complete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                    actions.add(complete);
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

    private Button button(String label, String done, TaskRow row, Runnable action) {
        Button button = new Button(label, e -> run(action, done + ": " + row.taskName()));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-label", label + " " + row.taskName() + " for " + row.customerName());
        return button;
    }

    private void open(TaskRow row) {
        if (row.caseId() != null) {
            UI.getCurrent().navigate(CaseView.class, new RouteParameters("caseId", row.caseId().toString()));
        }
    }

    private void openContactDialog(TaskRow row) {
        new ContactReportDialog(row, report -> run(() -> casework.completeContact(row.taskId(), report, actor),
                "Contact logged for " + row.customerName())).open();
    }

    /** Tasks without a case (an improvement action's) are completed right here, with their form. */
    private void completeInDialog(TaskRow row) {
        taskwork.formOf(row.taskId()).ifPresentOrElse(form -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(row.taskName());
            dialog.setWidth("560px");
            TaskFormView view = new TaskFormView(form, taskwork.formValuesOf(row.taskId(), form), Map.of());
            Button complete = new Button("Complete", e -> {
                try {
                    taskwork.completeTask(row.taskId(), view.values(), actor);
                    dialog.close();
                    Notification.show("Done: " + row.taskName(), 3000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    refresh();
                } catch (InvalidTaskInput invalid) {
                    view.show(invalid.problems());
                }
            });
            complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.add(view);
            dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), complete);
            dialog.open();
        }, () -> run(() -> taskwork.completeTask(row.taskId(), Map.of(), actor), "Done: " + row.taskName()));
    }

    /** Hand a claimed task to a colleague of its group: for good (reassign) or to come back (delegate). */
    private void pass(TaskRow row) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(row.taskName() + " for " + row.customerName());
        ComboBox<String> colleague = new ComboBox<>("Colleague", taskwork.colleaguesFor(row.taskId(), actor));
        colleague.setRequired(true);
        Button reassign = new Button("Reassign", e -> {
            if (!colleague.isEmpty() && run(() -> taskwork.reassign(row.taskId(), colleague.getValue(), actor),
                    "Reassigned to " + colleague.getValue())) {
                dialog.close();
            }
        });
        Button delegate = new Button("Delegate (comes back to me)", e -> {
            if (!colleague.isEmpty() && run(() -> taskwork.delegate(row.taskId(), colleague.getValue(), actor),
                    "Delegated to " + colleague.getValue())) {
                dialog.close();
            }
        });
        reassign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(colleague);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), delegate, reassign);
        dialog.open();
    }

    private void pickColleague() {
        Set<String> candidates = new TreeSet<>();
        selected().forEach(row -> {
            if (row.candidateGroup() != null) {
                candidates.addAll(taskwork.colleaguesFor(row.taskId(), actor));
            }
        });
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reassign " + selected().size() + " tasks");
        ComboBox<String> colleague = new ComboBox<>("To", candidates);
        dialog.add(colleague);
        Button next = new Button("Reassign…", e -> {
            if (colleague.isEmpty()) {
                colleague.setInvalid(true);
                return;
            }
            dialog.close();
            String to = colleague.getValue();
            confirmBulk("Reassign " + selected().size() + " tasks to " + to + "?",
                    "Tasks outside " + to + "'s groups stay where they are.", "Reassign",
                    () -> report(taskwork.reassignAll(selectedIds(), to, actor), "Reassigned to " + to));
        });
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), next);
        dialog.open();
    }

    private void confirmBulk(String header, String text, String confirm, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirm, e -> action.run());
        dialog.setCancelable(true);
        dialog.open();
    }

    private void report(BulkOutcome outcome, String done) {
        String message = done + ": " + outcome.done().size()
                + (outcome.refused().isEmpty() ? "" : ". Not changed: " + outcome.refused().size() + " ("
                + outcome.refused().values().stream().distinct().collect(Collectors.joining("; ")) + ")");
        Notification.show(message, 6000, Notification.Position.BOTTOM_START).addThemeVariants(
                outcome.refused().isEmpty() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
        grid.deselectAll();
        refresh();
    }

    private List<TaskRow> selected() {
        return List.copyOf(grid.getSelectedItems());
    }

    private List<String> selectedIds() {
        return selected().stream().map(TaskRow::taskId).toList();
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
            refresh();
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        total.setText(tasklist.count(actor, filter) + " tasks");
    }

    // --- the URL carries the view and the filters ---------------------------------------------------

    private void filtersChanged() {
        if (applyingUrl) {
            return;
        }
        navigate(new TaskFilter(filter.view(), segments.getValue(), task.getValue(), group.getValue(),
                location.getValue(), product.getValue(), search.getValue(), zone));
    }

    private void navigate(TaskFilter next) {
        if (!applyingUrl && !next.equals(filter)) {
            UI.getCurrent().navigate(TasklistView.class, toQuery(next));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filter = fromQuery(event.getLocation().getQueryParameters());
        if (filter.view() == TaskView.ALL_OPEN && !tabs.containsKey(TaskView.ALL_OPEN)) {
            filter = filter.withView(TaskView.MY_WORK);
        }
        applyingUrl = true;
        try {
            views.setSelectedTab(tabs.get(filter.view()));
            segments.setValue(filter.segments());
            task.setValue(filter.taskKey());
            group.setValue(filter.group());
            location.setValue(filter.location());
            product.setValue(filter.product());
            search.setValue(filter.text() == null ? "" : filter.text());
        } finally {
            applyingUrl = false;
        }
        refresh();
    }

    static QueryParameters toQuery(TaskFilter filter) {
        Map<String, List<String>> params = new HashMap<>();
        params.put("view", List.of(filter.view().key()));
        if (!filter.segments().isEmpty()) {
            params.put("segment", filter.segments().stream().map(Segment::key).sorted().toList());
        }
        put(params, "task", filter.taskKey());
        put(params, "group", filter.group());
        put(params, "location", filter.location());
        put(params, "product", filter.product());
        put(params, "q", filter.text());
        return new QueryParameters(params);
    }

    TaskFilter fromQuery(QueryParameters query) {
        Map<String, List<String>> params = query.getParameters();
        Set<Segment> chosen = EnumSet.noneOf(Segment.class);
        params.getOrDefault("segment", List.of()).forEach(key -> Arrays.stream(Segment.values())
                .filter(s -> s.key().equals(key)).forEach(chosen::add));
        return new TaskFilter(TaskView.ofKey(first(params, "view")), chosen, known(first(params, "task")),
                first(params, "group"), first(params, "location"), first(params, "product"), first(params, "q"), zone);
    }

    private static String known(String taskKey) {
        return taskKey != null && TASKS.containsKey(taskKey) ? taskKey : null;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static void put(Map<String, List<String>> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, List.of(value));
        }
    }

    // --- live -----------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        live = broadcaster.register(change -> {
            if (change.concerns(actor)) {
                ui.access(() -> {
                    refresh();
                    if (change.change() == TaskChanged.Change.OPENED && change.assignee() == null) {
                        Notification.show("New for " + change.candidateGroup() + ": " + change.taskName(), 4000,
                                Notification.Position.TOP_END);
                    }
                });
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (live != null) {
            live.remove();
        }
        super.onDetach(event);
    }

    private static String excerpt(String comment) {
        if (comment == null) {
            return "";
        }
        return comment.length() <= 120 ? comment : comment.substring(0, 117) + "…";
    }
}
