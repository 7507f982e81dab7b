package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.TaskChanged;
import dev.loopkeeper.casework.TaskFilter;
import dev.loopkeeper.casework.TaskFilterAddress;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.casework.TaskView;
import dev.loopkeeper.casework.Tasklist;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.RegionZones;
import dev.loopkeeper.sharedkernel.persistence.Tally;
import dev.loopkeeper.sharedkernel.ui.ScoreBadge;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frontline tasklist: saved views, filters, bulk actions and an SLA countdown, paged in the database.
 * The address carries the view and the filters ({@link TaskFilterAddress}), so a list can be shared and the back
 * button works. New work for the agent's groups appears without a reload.
 */
@Route("")
@Menu(title = "Tasklist", order = 0, icon = "vaadin:tasks")
@PermitAll
public class TasklistView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Tabs views = new Tabs();
    final Map<TaskView, Tab> tabs = new LinkedHashMap<>();
    final TaskFilterBar filters;
    final Grid<TaskRow> grid = new Grid<>(TaskRow.class, false);
    final Button claimSelected = new Button(getTranslation("casework.tasklist.claim-selected"));
    final Button reassignSelected = new Button(getTranslation("casework.tasklist.reassign-selected"));
    final Span total = new Span();
    final Details folded = new Details();

    private final Tasklist tasklist;
    private final TaskBroadcaster broadcaster;
    private final TaskActions actions;
    private final Actor actor;
    private final Clock clock;
    private final RegionZones regions;
    private final ZoneId zone = Times.zone();
    private TaskFilter filter = TaskFilter.of(TaskView.MY_WORK);
    /** While the URL is applied to the fields, their changes must not navigate again. */
    private boolean applyingUrl;

    private TaskRow focused;
    private Registration live;

    public TasklistView(
            Tasklist tasklist,
            Casework casework,
            Taskwork taskwork,
            TaskBroadcaster broadcaster,
            CurrentUser currentUser,
            Clock clock,
            RegionZones regions) {
        this.regions = regions;
        this.tasklist = tasklist;
        this.broadcaster = broadcaster;
        this.actor = currentUser.require();
        this.clock = clock;
        this.actions = new TaskActions(taskwork, casework, actor, this::refresh);
        setSizeFull();

        for (TaskView view : TaskView.values()) {
            if (view != TaskView.ALL_OPEN || actor.oversees()) {
                Tab tab = new Tab(Labels.of(view));
                tab.setId("view-" + view.key());
                tabs.put(view, tab);
                views.add(tab);
            }
        }
        views.addSelectedChangeListener(e -> tabs.entrySet().stream()
                .filter(t -> t.getValue() == e.getSelectedTab())
                .findFirst()
                .ifPresent(t -> navigate(filter.withView(t.getKey()))));
        filters = new TaskFilterBar(
                actor.groups(), tasklist.openLocations(), tasklist.openProducts(), this::filtersChanged);

        // the filters fold away on a phone, where they would fill the screen
        folded.setSummaryText(getTranslation("casework.tasklist.filters"));
        folded.add(filters);
        folded.setOpened(true);
        folded.setWidthFull();
        add(
                new HorizontalLayout(new H2(getTranslation("casework.tasklist.title")), total),
                views,
                folded,
                bulkBar(),
                grid());
        expand(grid);
    }

    private Component bulkBar() {
        claimSelected.addClickListener(e -> actions.claimAll(selected(), this::deselectAndRefresh));
        reassignSelected.addClickListener(e -> actions.reassignAll(selected(), this::deselectAndRefresh));
        claimSelected.setEnabled(false);
        reassignSelected.setEnabled(false);
        HorizontalLayout bar = new HorizontalLayout(claimSelected, reassignSelected);
        bar.setSpacing(true);
        // longer words in German and Spanish: on a phone the second button goes under the first
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    /** The name, and under it the channel the customer prefers: one column fewer, so the actions stay in view. */
    private Component customer(TaskRow row) {
        Span name = new Span(row.customerName() == null ? "" : row.customerName());
        // a name longer than the column ends in an ellipsis (its tooltip says it whole)
        name.getStyle()
                .set("display", "block")
                .set("overflow", "hidden")
                .set("text-overflow", "ellipsis")
                .set("white-space", "nowrap");
        if (row.preferredChannel() == null) {
            return name;
        }
        Span channel = new Span(getTranslation("casework.tasklist.prefers", Labels.inSentence(row.preferredChannel())));
        channel.addClassName("preferred-channel");
        channel.getStyle()
                .set("display", "block")
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-xxs)");
        Div both = new Div(name, channel);
        both.getStyle().set("line-height", "var(--lumo-line-height-xs)");
        return both;
    }

    private Component grid() {
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(new ComponentRenderer<>(this::customer))
                .setKey("customer")
                .setHeader(getTranslation("casework.tasklist.customer"))
                .setSortProperty("customerName")
                // a fixed width, not the longest name on the page: the columns fit at 1280 px whoever is listed
                .setWidth("10em")
                .setFlexGrow(0)
                .setTooltipGenerator(TaskRow::customerName)
                .setFrozen(true);
        grid.addColumn(new ComponentRenderer<>(row -> new ScoreBadge(row.score(), row.segment())))
                .setKey("score")
                .setHeader(getTranslation("casework.tasklist.score"))
                .setSortProperty("score")
                .setTextAlign(ColumnTextAlign.CENTER)
                .setWidth("6.5em")
                .setFlexGrow(0);
        grid.addColumn(row -> excerpt(row.comment()))
                .setKey("comment")
                .setHeader(getTranslation("casework.tasklist.comment"))
                .setFlexGrow(2)
                .setWidth("6em")
                .setTooltipGenerator(TaskRow::comment);
        grid.addColumn(row -> Labels.task(row.taskName()))
                .setKey("task")
                .setHeader(getTranslation("casework.tasklist.task"))
                .setSortProperty("taskName")
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(
                        row -> SlaBadge.of(row.dueAt(), clock.instant(), zone, regions.zoneOf(row.region()))))
                .setKey("due")
                .setHeader(getTranslation("casework.tasklist.sla"))
                .setSortProperty("dueAt")
                .setAutoWidth(true);
        grid.addColumn(this::holder)
                .setKey("assignee")
                .setHeader(getTranslation("casework.tasklist.assignee"))
                .setSortProperty("assignee")
                .setAutoWidth(true);
        // frozen to the right edge: the actions stay in reach however wide the other columns get
        grid.addColumn(new ComponentRenderer<>(row -> actions.buttons(row, this::open)))
                .setKey("actions")
                .setHeader(getTranslation("casework.tasklist.actions"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setItems(
                query -> tasklist.page(actor, filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) tasklist.count(actor, filter));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
        // Enter on a focused row opens its case: the list works without a mouse
        Shortcuts.addShortcutListener(
                        grid,
                        () -> {
                            if (focused != null) {
                                open(focused);
                            }
                        },
                        Key.ENTER)
                .listenOn(grid);
        grid.addSelectionListener(e -> {
            claimSelected.setEnabled(!e.getAllSelectedItems().isEmpty());
            reassignSelected.setEnabled(!e.getAllSelectedItems().isEmpty());
            claimSelected.setText(getTranslation(
                    "casework.tasklist.claim-selected-count",
                    e.getAllSelectedItems().size()));
        });
        grid.getElement().setAttribute("aria-label", getTranslation("casework.tasklist.title"));
        return grid;
    }

    private String holder(TaskRow row) {
        if (row.assignee() == null) {
            return row.candidateGroup();
        }
        return row.isDelegated()
                ? getTranslation("casework.tasklist.delegated", row.assignee(), row.owner())
                : row.assignee();
    }

    private static String excerpt(String comment) {
        if (comment == null) {
            return "";
        }
        return comment.length() <= 120 ? comment : comment.substring(0, 117) + "…";
    }

    private void open(TaskRow row) {
        if (row.caseId() != null) {
            UI.getCurrent()
                    .navigate(
                            CaseView.class,
                            new RouteParameters("caseId", row.caseId().toString()));
        }
    }

    private List<TaskRow> selected() {
        return List.copyOf(grid.getSelectedItems());
    }

    private void deselectAndRefresh() {
        grid.deselectAll();
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        Tally tally = tasklist.tally(actor, filter);
        ListSize.show(grid.getLazyDataView(), tally);
        total.setText(Labels.tasksFound(tally));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("casework.tasklist.page-title") + " · Loopkeeper";
    }

    // --- the address carries the view and the filters ----------------------------------------------

    private void filtersChanged() {
        navigate(filters.filter(filter.view(), zone));
    }

    private void navigate(TaskFilter next) {
        if (!applyingUrl && !next.equals(filter)) {
            UI.getCurrent().navigate(TasklistView.class, new QueryParameters(TaskFilterAddress.parameters(next)));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filter = TaskFilterAddress.filter(
                event.getLocation().getQueryParameters().getParameters(), zone);
        if (!tabs.containsKey(filter.view())) {
            filter = filter.withView(TaskView.MY_WORK);
        }
        applyingUrl = true;
        try {
            views.setSelectedTab(tabs.get(filter.view()));
            filters.show(filter);
        } finally {
            applyingUrl = false;
        }
        refresh();
    }

    // --- live -----------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        ui.getPage().retrieveExtendedClientDetails(d -> folded.setOpened(d.getWindowInnerWidth() > 700));
        live = broadcaster.register(change -> {
            if (change.concerns(actor)) {
                ui.access(() -> {
                    refresh();
                    if (change.change() == TaskChanged.Change.OPENED && change.assignee() == null) {
                        Notification.show(
                                getTranslation(
                                        "casework.tasklist.new-for",
                                        change.candidateGroup(),
                                        Labels.task(change.taskName())),
                                4000,
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
}
