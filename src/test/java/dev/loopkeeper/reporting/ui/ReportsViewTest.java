package dev.loopkeeper.reporting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.VaadinSession;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.reporting.ReportCounts;
import dev.loopkeeper.reporting.ReportFixtureAccess;
import dev.loopkeeper.reporting.ReportPeriod.Granularity;
import dev.loopkeeper.sharedkernel.Actor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard on the hand-computed company of early 2031: leaders' NPS, supervisors' groups, drill-downs, CSV. */
@LoopkeeperTest
class ReportsViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardQueries queries;

    @Autowired
    ReportCounts counts;

    @BeforeEach
    void seed() {
        ReportFixtureAccess.seedOnce(jdbc);
        // the app counts the fixture's days in the background every few seconds; the tests do not wait for that
        counts.countChanges();
    }

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
    }

    private ReportsView open(String user, String group) {
        return open(user, group, Locale.ENGLISH);
    }

    private ReportsView open(String user, String group, Locale language) {
        KaribuUi.signIn(context, user, group);
        VaadinSession.getCurrent().setAttribute("loopkeeper.zone", ZoneId.of("Europe/Madrid"));
        UI.getCurrent().setLocale(language);
        UI.getCurrent().navigate(ReportsView.class);
        ReportsView view = _get(ReportsView.class);
        view.granularity.setValue(Granularity.MONTH);
        view.first.setValue(LocalDate.of(2031, 1, 1));
        view.last.setValue(LocalDate.of(2031, 3, 31));
        return counted(view);
    }

    /** The sections are counted away from the screen; here they are waited for and shown, as push would. */
    private static ReportsView counted(ReportsView view) {
        try {
            view.counted().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the dashboard's sections were not counted", e);
        }
        MockVaadin.clientRoundtrip();
        assertThat(_find(ProgressBar.class)).as("sections still counting").isEmpty();
        return view;
    }

    @SuppressWarnings("unchecked")
    private static <T> ReportTable<T> table(String id) {
        return (ReportTable<T>) _find(ReportTable.class).stream()
                .filter(t -> id.equals(t.getId().orElse(null)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aProcessOwnerSeesNpsPerMonthWithItsMarginAndEachMonthOpensItsCases() throws Exception {
        open("paula", "process-owners");
        // the figures come from the background counts, and the page says how current they are
        assertThat(_get(ReportsView.class).freshness.getText()).startsWith("Counted at ");

        ReportTable<Object> nps = table("nps");
        assertThat(GridKt._size(nps.grid)).isEqualTo(3);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        nps.write(csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("Period,All,Responses,Promoters,Passives,Detractors,NPS,");
        // the formula-safe writer quotes a leading + or − only when the cell is not a number
        assertThat(lines.get(1)).startsWith("2031-01,(none),50,25,15,10,+30.0,±21.6,,");
        // a cell that is more than a number and starts with − could run as a formula: quoted with a leading '
        assertThat(lines.get(2)).endsWith("-25.0,±25.7,,\"'-55.0 (significant fall)\"");
        assertThat(lines.get(3)).contains(",too small to compare,");
        assertThat(_get(Paragraph.class, spec -> spec.withId("revenue-formula")).getText())
                .contains("lifetime value × churn probability");
        // a process owner sees no cases, so the rows link to none; an admin's do (the browser journey follows one)
        assertThat(nps.grid.getColumnByKey("cases")).isNull();
    }

    @Test
    void inGermanTheDashboardSpeaksGermanWhileItsCsvKeepsTheEnglishColumnNames() throws Exception {
        ReportsView view = open("paula", "process-owners", Locale.GERMAN);

        _get(H2.class, spec -> spec.withText("Berichte"));
        // the period picker's calendar too: German months, the week from Monday
        assertThat(view.first.getI18n().getMonthNames()).startsWith("Januar", "Februar", "März");
        assertThat(view.first.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(view.first.getI18n().getToday()).isEqualTo("Heute");
        _get(H3.class, spec -> spec.withText("Net Promoter Score"));
        ReportTable<Object> nps = table("nps");
        assertThat(nps.grid.getColumns().get(0).getHeaderText()).isEqualTo("Zeitraum");
        assertThat(nps.export.getText()).isEqualTo("CSV exportieren");
        assertThat(GridKt._getFormattedRow(nps.grid, 1)).contains("-55.0 (signifikanter Rückgang)");
        assertThat(_get(Paragraph.class, spec -> spec.withId("nps-summary")).getText())
                .startsWith("Der ganze Zeitraum: NPS ");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        nps.write(csv);
        assertThat(csv.toString(StandardCharsets.UTF_8))
                .startsWith("Period,All,Responses,Promoters,Passives,Detractors,NPS,");
    }

    @Test
    void eachSectionShowsItsTitleAndAProgressBarUntilItsFiguresAreCountedAndOnlyTheLastChoiceIsShown()
            throws Exception {
        ReportsView view = open("paula", "process-owners");
        // other dashboards' queries hold both of the pool's threads, so this one waits its turn
        CountDownLatch others = new CountDownLatch(1);
        List<CompletableFuture<Object>> holding = new java.util.ArrayList<>();
        for (int i = 0; i < DashboardQueries.AT_ONCE; i++) {
            holding.add(queries.count(() -> {
                try {
                    others.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
        }

        view.group.setValue("team-a");
        // the screen answers at once: the section's title and a progress bar named after it
        assertThat(_find(ProgressBar.class)).hasSize(1);
        assertThat(_find(ProgressBar.class).get(0).getElement().getAttribute("aria-label"))
                .isEqualTo("Counting: The loop, team-a");
        _get(H3.class, spec -> spec.withText("The loop, team-a"));
        // a second choice before the first is counted: the first one's figures must not come back over it
        view.group.setValue(ReportsView.ALL_GROUPS);
        assertThat(_find(ProgressBar.class)).hasSize(3);
        others.countDown();
        CompletableFuture.allOf(holding.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        counted(view);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (queries.busy() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(queries.busy()).as("the first choice's queries ended").isFalse();
        MockVaadin.clientRoundtrip();
        assertThat(_find(ReportTable.class).stream().map(t -> t.getId().orElse("")))
                .contains("nps", "revenue", "follow-up");
        assertThat(_find(H3.class, spec -> spec.withText("The loop, team-a"))).isEmpty();
        _get(H3.class, spec -> spec.withText("The loop, company-wide"));
    }

    @Test
    void aSupervisorStartsWithTheirTeamGroupNeverARoleGroup() {
        List<String> groups = List.of(ReportsView.ALL_GROUPS, "supervisors", "team-a", "team-b");

        assertThat(ReportsView.ownGroup(new Actor("sam", Set.of("supervisors")), groups))
                .isEqualTo(ReportsView.ALL_GROUPS);
        assertThat(ReportsView.ownGroup(new Actor("lea", Set.of("supervisors", "team-b")), groups))
                .isEqualTo("team-b");
    }

    @Test
    void aSupervisorSeesTheLoopOfTheirGroupWithoutNpsAndDrillsDownToItsCases() {
        ReportsView view = open("sam", "supervisors");
        view.first.setValue(LocalDate.of(2031, 1, 1));
        view.last.setValue(LocalDate.of(2031, 1, 31));
        view.group.setValue("team-a");
        counted(view);

        assertThat(_find(ReportTable.class).stream().map(t -> t.getId().orElse("")))
                .doesNotContain("nps", "revenue")
                .contains("follow-up", "sla", "agents", "outcomes");
        ReportTable<dev.loopkeeper.reporting.LoopKpis.FollowUpRate> followUp = table("follow-up");
        assertThat(followUp.rows())
                .last()
                .extracting(r -> r.needed(), r -> r.contacted())
                .containsExactly(4L, 3L);
        ReportTable<dev.loopkeeper.reporting.LoopKpis.Agent> agents = table("agents");
        assertThat(agents.rows()).extracting(a -> a.agent()).containsExactly("fiona", "frank");
        assertThat(agents.drillDownOf(agents.rows().get(0)))
                .isEqualTo("cases?group=team-a&assignee=fiona&openedFrom=2031-01-01&openedTo=2031-01-31");
    }
}
