package dev.loopkeeper.sla;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.casework.CaseHeadline;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.Incidents;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.casework.Workload;
import dev.loopkeeper.casework.Workload.Load;
import dev.loopkeeper.casework.ui.IncidentsView;
import dev.loopkeeper.casework.ui.WorkloadView;
import dev.loopkeeper.identity.Availability;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.outreach.ui.AlertsView;
import dev.loopkeeper.reporting.ui.HealthView;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sla.Escalations.Escalation;
import dev.loopkeeper.sla.ui.BreachesView;
import dev.loopkeeper.sla.ui.EscalationsView;
import dev.loopkeeper.sla.ui.LoopDiagramView;
import dev.loopkeeper.sla.ui.ProcessDiagram;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The supervisor console's views, driven as a supervisor would, with the real services underneath. */
@LoopkeeperTest
class SupervisorConsoleTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Taskwork taskwork;

    @Autowired
    Availability availability;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    final Actor sam = new Actor("sam", Set.of("supervisors"));
    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));
    CaseScenes scenes;

    /** Three weeks apart from each other and from every other test's cases (SupervisionContract's end in 2068). */
    private static final AtomicInteger WEEKS = new AtomicInteger();

    LocalDate monday;

    /** A fortnight of its own on the engine's clock, so the views' periods only hold this test's cases. */
    @BeforeEach
    void aFortnightOfItsOwn() {
        monday = LocalDate.of(2080, 1, 1).plusWeeks(3L * WEEKS.getAndIncrement());
        ClockUtil.setCurrentTime(Date.from(monday.atTime(10, 0).toInstant(ZoneOffset.UTC)));
        scenes = new CaseScenes(context);
    }

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
        ClockUtil.reset();
        availability.set("fiona", false, null, sam);
    }

    @Test
    void aSupervisorReassignsABreachedCaseFromTheEscalationQueue() {
        UUID caseId = scenes.breached(2, "Queue Customer");
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(EscalationsView.class);
        Grid<Escalation> grid = grid();

        int row = rowOf(grid, caseId);
        assertThat(GridKt._get(grid, row).segment()).isEqualTo("detractor");
        _click(_get(GridKt._getCellComponent(grid, row, "actions"), Button.class, spec -> spec.withText("Reassign…")));
        Dialog dialog = _get(Dialog.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> to = _get(dialog, ComboBox.class, spec -> spec.withLabel("To a person or a group"));
        to.setValue("frank");
        _get(dialog, TextArea.class, spec -> spec.withLabel("Reason (recorded with the breach)"))
                .setValue("Fiona is ill");
        _click(_get(dialog, Button.class, spec -> spec.withText("Reassign")));

        NotificationsKt.expectNotifications("Reassigned to frank: 1");
        assertThat(GridKt._findAll(grid)).extracting(Escalation::caseId).doesNotContain(caseId);
        assertThat(scenes.contactOf(caseId).assignee()).isEqualTo("frank");
    }

    @Test
    void takingACaseOverNeedsAReasonLikeEveryOtherDecision() {
        UUID caseId = scenes.breached(2, "Takeover Customer");
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(EscalationsView.class);
        Grid<Escalation> grid = grid();

        _click(_get(
                GridKt._getCellComponent(grid, rowOf(grid, caseId), "actions"),
                Button.class,
                spec -> spec.withText("Take over…")));
        Dialog dialog = _get(Dialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withText("Take over")));
        TextArea reason = _get(dialog, TextArea.class);
        assertThat(reason.isInvalid()).isTrue();
        assertThat(GridKt._findAll(grid)).extracting(Escalation::caseId).contains(caseId);

        reason.setValue("The customer is a key account; I call them myself");
        assertThat(reason.isInvalid()).as("checked as it is typed").isFalse();
        _click(_get(dialog, Button.class, spec -> spec.withText("Take over")));

        NotificationsKt.expectNotifications("Decided for Takeover Customer");
        assertThat(scenes.contactOf(caseId).assignee()).isEqualTo("sam");
    }

    @Test
    void extendingWithoutADueTimeOrReasonChangesNothingAndMarksTheFields() {
        UUID caseId = scenes.breached(2, "Extend Customer");
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(EscalationsView.class);
        Grid<Escalation> grid = grid();
        var dueBefore = scenes.contactOf(caseId).dueAt();

        _click(_get(
                GridKt._getCellComponent(grid, rowOf(grid, caseId), "actions"),
                Button.class,
                spec -> spec.withText("Extend…")));
        Dialog dialog = _get(Dialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withText("Extend")));
        assertThat(_get(dialog, DateTimePicker.class).isInvalid()).isTrue();

        _get(dialog, DateTimePicker.class)
                .setValue(java.time.LocalDateTime.ofInstant(
                        ClockUtil.now().toInstant().plusSeconds(86_400), java.time.ZoneId.systemDefault()));
        _click(_get(dialog, Button.class, spec -> spec.withText("Extend")));

        TextArea reason = _get(dialog, TextArea.class);
        assertThat(reason.isInvalid())
                .as("the reason is marked, before anything is sent")
                .isTrue();
        assertThat(reason.getErrorMessage()).contains("A reason is required");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(scenes.contactOf(caseId).dueAt()).isEqualTo(dueBefore);
        assertThat(GridKt._findAll(grid)).extracting(Escalation::caseId).contains(caseId);
    }

    @Test
    void theBreachesViewCountsFiltersAndChartsThePeriod() {
        scenes.breached(2, "Breached Detractor");
        scenes.breached(8, "Breached Passive");
        CaseScenes.later(java.time.Duration.ofDays(10)); // both SLAs are long past: the default period holds them
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(BreachesView.class);

        Span total = _get(Span.class, spec -> spec.withText("2 breaches"));
        @SuppressWarnings("unchecked")
        Select<Segment> segment = _get(Select.class, spec -> spec.withLabel("Segment"));
        segment.setValue(Segment.PASSIVE);

        assertThat(total.getText()).isEqualTo("1 breach");
        @SuppressWarnings("unchecked")
        Grid<BreachRecord> grid = _get(Grid.class);
        assertThat(GridKt._findAll(grid)).extracting(BreachRecord::customerName).containsExactly("Breached Passive");
        assertThat(GridKt._getFormattedRow(grid, 0))
                .contains("passive", "frontline", "nobody", "not yet")
                .anySatisfy(cell -> assertThat(cell).endsWith(", still waiting"));
    }

    @Test
    void workloadShowsWhoHoldsWhatAndMovesItAfterAConfirmation() {
        UUID caseId = scenes.open(3, "Workload Customer");
        String task = scenes.contactOf(caseId).taskId();
        taskwork.claim(task, fiona);
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(WorkloadView.class);
        @SuppressWarnings("unchecked")
        Grid<Load> people = _find(Grid.class).get(0);
        int fionaRow = IntStream.range(0, GridKt._size(people))
                .filter(i -> GridKt._get(people, i).who().equals("fiona"))
                .findFirst()
                .orElseThrow();
        assertThat(GridKt._get(people, fionaRow).open()).isPositive();

        _click(_get(GridKt._getCellComponent(people, fionaRow, "move"), Button.class));
        Dialog dialog = _get(Dialog.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> to = _get(dialog, ComboBox.class, spec -> spec.withLabel("To"));
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions(to))
                .contains("frank")
                .doesNotContain("fiona");
        to.setValue("frank");
        _click(_get(dialog, Button.class, spec -> spec.withText("Move…")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(scenes.contactOf(caseId).assignee()).isEqualTo("frank");
        assertThat(GridKt._findAll(people)).noneMatch(load -> load.who().equals("fiona") && load.open() > 0);
    }

    @Test
    void anAwayFlagSetInTheWorkloadViewKeepsNewWorkAway() {
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(WorkloadView.class);

        @SuppressWarnings("unchecked")
        Grid<Load> people = _find(Grid.class).get(0);
        int fionaRow = IntStream.range(0, GridKt._size(people))
                .filter(i -> GridKt._get(people, i).who().equals("fiona"))
                .findFirst()
                .orElseThrow();
        Checkbox away = (Checkbox) GridKt._getCellComponent(people, fionaRow, "away");
        assertThat(away.getAriaLabel()).hasValue("fiona is away");
        away.setValue(true);

        NotificationsKt.expectNotifications("fiona is away: no new work");
        assertThat(availability.isAway("fiona")).isTrue();
    }

    @Test
    void inGermanTheWorkloadViewSaysWhyAnAwayFlagWasRefusedAndPutsItBack() {
        // The view is for supervisors only; opened for a user who is none (as a direct call would be), the
        // service refuses, and the screen says so in the user's language.
        KaribuUi.signIn(context, "frank", "frontline");
        UI.getCurrent().setLocale(Locale.GERMAN);
        WorkloadView view = new WorkloadView(
                context.getBean(Workload.class),
                availability,
                context.getBean(Directory.class),
                context.getBean(CurrentUser.class));
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);

        @SuppressWarnings("unchecked")
        Grid<Load> people = _find(view, Grid.class).get(0);
        int fionaRow = IntStream.range(0, GridKt._size(people))
                .filter(i -> GridKt._get(people, i).who().equals("fiona"))
                .findFirst()
                .orElseThrow();
        Checkbox away = (Checkbox) GridKt._getCellComponent(people, fionaRow, "away");
        away.setValue(true);

        NotificationsKt.expectNotifications("Nur Supervisoren legen fest, ob jemand anderes abwesend ist");
        assertThat(away.getValue()).isFalse();
        assertThat(availability.isAway("fiona")).isFalse();
    }

    @Test
    void theHealthViewShowsTodayAndThisWeek() {
        scenes.open(3, "Health Customer");
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(HealthView.class);

        List<Card> cards = _find(Card.class);
        assertThat(cards)
                .extracting(c -> c.getElement().getAttribute("data-period"))
                .containsExactly("Today", "This week");
        assertThat(_find(cards.get(0), com.vaadin.flow.component.html.Div.class).stream()
                        .map(d -> d.getElement().getAttribute("aria-label")))
                .contains("Cases opened: 1", "Unreachable: 0");
    }

    @Test
    void aFailedSendShowsAsAnIncidentWithARetry() {
        UUID caseId = scenes.open(3, "Incident Customer");
        String pi = scenes.processInstanceOf(caseId);
        String alertJob = management
                .createJobQuery()
                .processInstanceId(pi)
                .activityId(ClosedLoop.ACKNOWLEDGE)
                .singleResult()
                .getId();
        for (int attempt = 0;
                attempt < 10
                        && runtime.createIncidentQuery().processInstanceId(pi).count() == 0;
                attempt++) {
            try {
                management.executeJob(alertJob);
            } catch (RuntimeException noMailServer) {
                // the send fails until its retries run out
            }
        }
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(IncidentsView.class);
        @SuppressWarnings("unchecked")
        Grid<Incidents.Open> grid = _get(Grid.class);
        int row = IntStream.range(0, GridKt._size(grid))
                .filter(i -> caseId.equals(GridKt._get(grid, i).caseId()))
                .findFirst()
                .orElseThrow();

        _click(_get(GridKt._getCellComponent(grid, row, "retry"), Button.class));

        NotificationsKt.expectNotifications("Retrying " + ClosedLoop.ACKNOWLEDGE);
        assertThat(management.createJobQuery().jobId(alertJob).singleResult().getRetries())
                .isEqualTo(1);
    }

    @Test
    void aSupervisorIsAlertedInTheAppWhenABreachHappens() {
        UUID caseId = scenes.breached(1, "Alerted Customer");
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(AlertsView.class);

        @SuppressWarnings("unchecked")
        Grid<dev.loopkeeper.outreach.StaffAlertView> grid = _get(Grid.class);
        assertThat(GridKt._findAll(grid))
                .anyMatch(a -> caseId.equals(a.caseId()) && a.subject().startsWith("SLA breached"));
    }

    @Test
    void theLoopOnTheDiagramTablesItsCountsAndListsTheCasesOfAClickedActivity() {
        scenes.open(3, "Diagram Customer");
        KaribuUi.signIn(context, "sam", "supervisors");
        UI.getCurrent().navigate(LoopDiagramView.class);
        @SuppressWarnings("unchecked")
        Grid<LoopDiagram.Station> stations = _find(Grid.class).get(0);
        LoopDiagram.Station contact = GridKt._findAll(stations).stream()
                .filter(s -> s.activityId().equals(ClosedLoop.CONTACT_CUSTOMER))
                .findFirst()
                .orElseThrow();
        assertThat(contact.name()).isEqualTo("Contact customer");
        assertThat(contact.waiting()).isPositive();

        ProcessDiagram diagram = _get(ProcessDiagram.class);
        ComponentUtil.fireEvent(
                diagram, new ProcessDiagram.ActivityClicked(diagram, true, ClosedLoop.CONTACT_CUSTOMER));

        @SuppressWarnings("unchecked")
        Grid<CaseHeadline> cases = _find(Grid.class).get(1);
        assertThat(cases.isVisible()).isTrue();
        assertThat(GridKt._size(cases)).isEqualTo((int) Math.min(contact.waiting(), LoopDiagram.CASES_LISTED));
        assertThat(_get(H3.class).getText()).startsWith("Waiting at Contact customer: ");
    }

    @Test
    void oneCasesPathSaysWhereItIsNow() {
        UUID caseId = scenes.open(3, "Path Customer");
        KaribuUi.signIn(context, "sam", "supervisors");

        UI.getCurrent()
                .navigate(LoopDiagramView.class, com.vaadin.flow.router.QueryParameters.of("case", caseId.toString()));

        assertThat(_get(H2.class).getText()).isEqualTo("One case on the diagram");
        assertThat(_get(H3.class).getText()).startsWith("Now at: ").contains("Contact customer");
        assertThat(_find(Grid.class)).noneMatch(Component::isVisible);
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                EscalationsView.class,
                BreachesView.class,
                WorkloadView.class,
                HealthView.class,
                IncidentsView.class,
                LoopDiagramView.class
            })
    void aFrontlineAgentWhoTypesTheAddressIsRefused(Class<? extends Component> view) {
        KaribuUi.signIn(context, "fiona", "frontline", "team-emea");

        assertThatThrownBy(() -> UI.getCurrent().navigate(view)).isInstanceOf(MockAccessDeniedException.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Escalation> grid() {
        return _get(Grid.class);
    }

    private static int rowOf(Grid<Escalation> grid, UUID caseId) {
        return IntStream.range(0, GridKt._size(grid))
                .filter(i -> caseId.equals(GridKt._get(grid, i).caseId()))
                .findFirst()
                .orElseThrow();
    }
}
