package dev.loopkeeper.casework;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.ui.TasklistView;
import dev.loopkeeper.sharedkernel.Actor;
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
    Tasklist tasklist;

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
        assertThat(GridKt._getFormattedRow(grid, row)).contains(customer, "Contact customer", "frontline");

        _click(buttonIn(grid, row, "Claim"));

        NotificationsKt.expectNotifications("Claimed: Contact customer");
        NotificationsKt.clearNotifications();
        assertThat(GridKt._get(grid, rowOf(grid, customer)).assignee()).isEqualTo("fiona");
        assertThat(casework.find(caseId).orElseThrow().openTasks().get(0).assignee()).isEqualTo("fiona");

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
        casework.claim(taskId, new Actor("frank", Set.of("frontline", "team-emea")));
        _click(claim);

        NotificationsKt.expectNotifications("Already claimed by frank");
        assertThat(casework.find(caseId).orElseThrow().openTasks().get(0).assignee()).isEqualTo("frank");
    }

    @Test
    void anAgentSeesOnlyTasksOfTheirGroups() {
        intake.receive(TestResponses.withScore(3, "Visible " + UUID.randomUUID()));
        Actor outsider = new Actor("olga", Set.of("team-apac"));

        assertThat(tasklist.workOf(outsider, PageRequest.of(0, 50))).isEmpty();
        assertThat(tasklist.countWorkOf(new Actor("fiona", Set.of("frontline")))).isPositive();
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
