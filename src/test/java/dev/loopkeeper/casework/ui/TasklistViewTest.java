package dev.loopkeeper.casework.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.CaseSummary;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.TaskFilter;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.casework.TaskView;
import dev.loopkeeper.casework.Tasklist;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.LanguagePreference;
import dev.loopkeeper.sharedkernel.Segment;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;

/** The tasklist as a frontline agent uses it: find the new case, claim it, log the contact. */
@LoopkeeperTest
class TasklistViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    dev.loopkeeper.intake.CaseIntake intake;

    @Autowired
    Casework casework;

    @Autowired
    Taskwork taskwork;

    @Autowired
    Tasklist tasklist;

    @Autowired
    LanguagePreference languages;

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
    }

    @Test
    void anAgentClaimsANewCaseAndLogsTheContact() {
        String customer = "Claim Test " + UUID.randomUUID();
        UUID caseId = intake.receive(TestResponses.withScore(4, customer)).caseId();
        KaribuUi.signIn(context, "fiona", "frontline", "team-emea");

        UI.getCurrent().navigate(TasklistView.class);
        NavigatorKt.expectView(TasklistView.class);
        Grid<TaskRow> grid = _get(Grid.class);
        int row = rowOf(grid, customer);
        assertThat(GridKt._getFormattedRow(grid, row)).contains("Contact customer", "frontline");
        assertThat(GridKt._getCellComponent(grid, row, "customer").getElement().getTextRecursively())
                .isEqualTo(customer + "prefers phone");

        _click(buttonIn(grid, row, "Claim"));

        NotificationsKt.expectNotifications("Claimed: Contact customer");
        NotificationsKt.clearNotifications();
        assertThat(GridKt._get(grid, rowOf(grid, customer)).assignee()).isEqualTo("fiona");
        assertThat(casework.find(caseId).orElseThrow().openTasks().get(0).assignee())
                .isEqualTo("fiona");

        _click(buttonIn(grid, rowOf(grid, customer), "Log contact"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ContactOutcome> outcome = _get(RadioButtonGroup.class);
        outcome.setValue(ContactOutcome.REACHED);
        _click(_get(Button.class, spec -> spec.withText("Complete task")));

        CaseSummary reached = casework.find(caseId).orElseThrow();
        assertThat(reached.lastContactOutcome()).isEqualTo(ContactOutcome.REACHED);
        assertThat(reached.firstContactAt()).isNotNull();
        // next: the resolution, assigned to whoever reached the customer
        TaskRow next = GridKt._get(grid, rowOf(grid, customer));
        assertThat(next.taskKey()).isEqualTo(ClosedLoop.LOG_RESOLUTION);
        assertThat(next.assignee()).isEqualTo("fiona");
    }

    @Test
    void aTaskSomeoneElseJustClaimedFailsWithTheirName() {
        String customer = "Race Test " + UUID.randomUUID();
        UUID caseId = intake.receive(TestResponses.withScore(1, customer)).caseId();
        KaribuUi.signIn(context, "fiona", "frontline", "team-emea");
        UI.getCurrent().navigate(TasklistView.class);
        Grid<TaskRow> grid = _get(Grid.class);
        Button claim = buttonIn(grid, rowOf(grid, customer), "Claim");

        // Frank claims it between Fiona's page load and her click
        String taskId = casework.find(caseId).orElseThrow().openTasks().get(0).taskId();
        taskwork.claim(taskId, new Actor("frank", Set.of("frontline", "team-emea")));
        _click(claim);

        NotificationsKt.expectNotifications("Already claimed by frank");
        assertThat(casework.find(caseId).orElseThrow().openTasks().get(0).assignee())
                .isEqualTo("frank");
    }

    @Test
    void anAgentSeesOnlyTasksOfTheirGroups() {
        intake.receive(TestResponses.withScore(3, "Visible " + UUID.randomUUID()));
        Actor outsider = new Actor("olga", Set.of("team-apac"));

        assertThat(tasklist.page(outsider, TaskFilter.of(TaskView.MY_WORK), PageRequest.of(0, 50)))
                .isEmpty();
        assertThat(tasklist.count(outsider, TaskFilter.of(TaskView.ALL_OPEN))).isZero();
        assertThat(tasklist.count(new Actor("fiona", Set.of("frontline")), TaskFilter.of(TaskView.MY_WORK)))
                .isPositive();
    }

    @Test
    void theUrlCarriesTheViewAndFiltersAndRestoresThem() {
        String customer = "Url Test " + UUID.randomUUID();
        intake.receive(TestResponses.withScore(6, customer));
        KaribuUi.signIn(context, "fiona", "frontline", "team-emea");

        go("view=unclaimed&segment=detractor&q=" + customer.substring(9));

        TasklistView view = _get(TasklistView.class);
        assertThat(view.views.getSelectedTab().getLabel()).isEqualTo("My groups' unclaimed");
        assertThat(view.filters.segments.getValue()).containsExactly(Segment.DETRACTOR);
        assertThat(view.filters.search.getValue()).isEqualTo(customer.substring(9));
        assertThat(GridKt._size(view.grid)).isOne();

        view.filters.segments.setValue(java.util.Set.of(Segment.PROMOTER));

        assertThat(currentQuery()).contains("segment=promoter").contains("view=unclaimed");
        assertThat(GridKt._size(view.grid)).isZero();
    }

    @Test
    void anUnknownViewOrTaskInTheUrlFallsBackInsteadOfFailing() {
        KaribuUi.signIn(context, "fiona", "frontline");

        go("view=everything&task=Task_DropTables");

        TasklistView view = _get(TasklistView.class);
        assertThat(view.views.getSelectedTab().getLabel()).isEqualTo("My work");
        assertThat(view.filters.task.getValue()).isNull();
        assertThat(view.tabs).doesNotContainKey(TaskView.ALL_OPEN); // leads only
    }

    @Test
    void bulkClaimAsksFirstAndReportsWhatSomeoneElseHad() {
        String prefix = "Bulk " + UUID.randomUUID();
        UUID a = intake.receive(TestResponses.withScore(2, prefix + " A")).caseId();
        UUID b = intake.receive(TestResponses.withScore(2, prefix + " B")).caseId();
        KaribuUi.signIn(context, "fiona", "frontline", "team-emea");
        go("q=" + prefix.substring(5));
        TasklistView view = _get(TasklistView.class);
        GridKt._findAll(view.grid).forEach(view.grid::select);
        taskwork.claim(
                casework.find(b).orElseThrow().openTasks().get(0).taskId(),
                new Actor("frank", Set.of("frontline", "team-emea")));

        _click(view.claimSelected);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        NotificationsKt.expectNotifications("Claimed: 1. Not changed: 1 (Already claimed by frank)");
        assertThat(casework.find(a).orElseThrow().openTasks().get(0).assignee()).isEqualTo("fiona");
        assertThat(casework.find(b).orElseThrow().openTasks().get(0).assignee()).isEqualTo("frank");
    }

    @Test
    void aNewCaseForMyGroupsAppearsWithoutReload() {
        KaribuUi.signIn(context, "fiona", "frontline", "team-emea");
        UI.getCurrent().navigate(TasklistView.class);
        TasklistView view = _get(TasklistView.class);
        int before = GridKt._size(view.grid);
        NotificationsKt.clearNotifications();

        intake.receive(TestResponses.withScore(2, "Live " + UUID.randomUUID()));
        MockVaadin.clientRoundtrip();

        assertThat(GridKt._size(view.grid)).isEqualTo(before + 1);
        NotificationsKt.expectNotifications("New for frontline: Contact customer");
    }

    @Test
    void anAgentWhoReadsGermanClaimsInGerman() {
        String customer = "Deutsch Test " + UUID.randomUUID();
        intake.receive(TestResponses.withScore(4, customer));
        // chosen in the profile: the UI opens in German, before the tasklist (the start page) is built
        languages.chooseLanguage("fiona", Locale.GERMAN);
        try {
            KaribuUi.signIn(context, "fiona", "frontline", "team-emea");
        } finally {
            languages.chooseLanguage("fiona", Locale.ENGLISH);
        }

        UI.getCurrent().navigate(TasklistView.class);
        TasklistView view = _get(TasklistView.class);
        Grid<TaskRow> grid = view.grid;
        int row = rowOf(grid, customer);

        assertThat(view.getPageTitle()).isEqualTo("Aufgabenliste · Loopkeeper");
        assertThat(view.views.getSelectedTab().getLabel()).isEqualTo("Meine Arbeit");
        assertThat(grid.getColumnByKey("customer").getHeaderText()).isEqualTo("Kunde");
        assertThat(grid.getColumnByKey("assignee").getHeaderText()).isEqualTo("Bearbeiter / Gruppe");
        assertThat(GridKt._getFormattedRow(grid, row)).contains("Kunden kontaktieren");
        assertThat(GridKt._getCellComponent(grid, row, "customer").getElement().getTextRecursively())
                .isEqualTo(customer + "bevorzugt Telefon");
        _get(Button.class, spec -> spec.withText("Ausgewählte übernehmen"));

        _click(buttonIn(grid, row, "Übernehmen"));

        NotificationsKt.expectNotifications("Übernommen: Kunden kontaktieren");

        // a refusal the service words in English says itself in German too
        String raced = "Deutsch Rennen " + UUID.randomUUID();
        UUID racedCase = intake.receive(TestResponses.withScore(2, raced)).caseId();
        view.grid.getDataProvider().refreshAll();
        Button claim = buttonIn(view.grid, rowOf(view.grid, raced), "Übernehmen");
        taskwork.claim(
                casework.find(racedCase).orElseThrow().openTasks().get(0).taskId(),
                new Actor("frank", Set.of("frontline", "team-emea")));
        NotificationsKt.clearNotifications();
        _click(claim);
        NotificationsKt.expectNotifications("Bereits übernommen von frank");
    }

    private static void go(String query) {
        UI.getCurrent().navigate("", com.vaadin.flow.router.QueryParameters.fromString(query));
    }

    private static String currentQuery() {
        return UI.getCurrent()
                .getInternals()
                .getActiveViewLocation()
                .getQueryParameters()
                .getQueryString();
    }

    private static int rowOf(Grid<TaskRow> grid, String customer) {
        var rows = GridKt._findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (customer.equals(rows.get(i).customerName())) {
                return i;
            }
        }
        throw new AssertionError(customer + " is not in the tasklist");
    }

    private static Button buttonIn(Grid<TaskRow> grid, int row, String caption) {
        var cell = GridKt._getCellComponent(grid, row, "actions");
        return _get(cell, Button.class, spec -> spec.withText(caption));
    }
}
