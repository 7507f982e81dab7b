package dev.loopkeeper.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loopkeeper.casework.BulkOutcome;
import dev.loopkeeper.casework.CaseHeadline;
import dev.loopkeeper.casework.CaseMetrics;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.ContactReport;
import dev.loopkeeper.casework.Incidents;
import dev.loopkeeper.casework.TaskNotAvailable;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.casework.Workload;
import dev.loopkeeper.identity.Availability;
import dev.loopkeeper.reporting.LoopHealth;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * What supervisors see and do — escalations, breaches, workload, the loop's health, incidents — computed
 * by the database, on whatever database the subclass gives it. Every test lives in a week of its own on
 * the engine's clock, so aggregates over a period only count its own cases.
 */
abstract class SupervisionContract {

    @Autowired
    Casework casework;

    @Autowired
    Taskwork taskwork;

    @Autowired
    Escalations escalations;

    @Autowired
    BreachReport report;

    @Autowired
    LoopDiagram loop;

    @Autowired
    Workload workload;

    @Autowired
    CaseMetrics metrics;

    @Autowired
    LoopHealth health;

    @Autowired
    Availability availability;

    @Autowired
    Incidents incidents;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));
    final Actor frank = new Actor("frank", Set.of("frontline", "team-emea"));
    final Actor sam = new Actor("sam", Set.of("supervisors"));

    @Autowired
    org.springframework.context.ApplicationContext context;

    Instant monday;

    /** A Monday 10:00 UTC in a week no other test uses (a week per test, in the 2030s). */
    @BeforeEach
    void aWeekOfItsOwn() {
        LocalDate week =
                LocalDate.of(2030, 1, 7).plusWeeks(Math.abs(UUID.randomUUID().getMostSignificantBits() % 2000));
        monday = week.atTime(10, 0).toInstant(ZoneOffset.UTC);
        ClockUtil.setCurrentTime(Date.from(monday));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        availability.set("frank", false, null, sam);
    }

    @Test
    void theEscalationQueueShowsTheOldestBreachFirstWithItsContext() {
        UUID older = breached(3, "Older Breach");
        later(Duration.ofMinutes(30));
        UUID newer = breached(5, "Newer Breach");

        List<Escalations.Escalation> queue = escalations.queue(sam).stream()
                .filter(e -> List.of(older, newer).contains(e.caseId()))
                .toList();

        assertThat(queue)
                .extracting(Escalations.Escalation::customerName)
                .containsExactly("Older Breach", "Newer Breach");
        assertThat(queue.get(0).group()).isEqualTo("team-emea");
        assertThat(queue.get(0).segment()).isEqualTo("detractor");
        assertThat(queue.get(0).comment()).isEqualTo("Waited 40 minutes on the hotline");
    }

    @Test
    void aSupervisorReassignsExtendsOrTakesOverFromTheQueue() {
        UUID a = breached(3, "Reassign Me");
        UUID b = breached(3, "Extend Me");
        UUID c = breached(3, "Take Me");

        escalations.decide(reviewOf(a), Escalations.Decision.REASSIGN, "frank", null, "Fiona is off", sam);
        Instant newDue = ClockUtil.now().toInstant().plus(Duration.ofDays(2));
        escalations.decide(reviewOf(b), Escalations.Decision.EXTEND, null, newDue, "Customer asked for Thursday", sam);
        escalations.decide(reviewOf(c), Escalations.Decision.TAKE_OVER, null, null, "VIP", sam);

        assertThat(contactOf(a).assignee()).isEqualTo("frank");
        assertThat(contactOf(b).dueAt()).isEqualTo(newDue);
        assertThat(contactOf(c).assignee()).isEqualTo("sam");
        assertThat(escalations.queue(sam))
                .extracting(Escalations.Escalation::caseId)
                .doesNotContain(a, b, c);
    }

    @Test
    void bulkReassignMovesWhatItCanAndSaysWhatNot() {
        UUID a = breached(3, "Bulk One");
        UUID b = breached(3, "Bulk Two");

        BulkOutcome moved = escalations.reassignAll(List.of(reviewOf(a), reviewOf(b)), "frank", "Rebalancing", sam);
        BulkOutcome refused = escalations.reassignAll(List.of(reviewOf(breached(3, "Bulk Three"))), "nobody", "x", sam);

        assertThat(moved.done()).hasSize(2);
        assertThat(contactOf(a).assignee()).isEqualTo("frank");
        assertThat(refused.refused().values()).singleElement().asString().contains("names no user or group: nobody");
    }

    @Test
    void theBreachReportFiltersCountsAndTrendsPerDay() {
        // a fixed week of its own, after the random weeks of the other tests, with no public holiday and no clock
        // change: the two breaches' due times then depend on nothing drawn (with a random week this failed once in a
        // full run, the passive breach missing from the week, and passed alone)
        monday = LocalDate.of(2071, 2, 2).atTime(10, 0).toInstant(ZoneOffset.UTC);
        ClockUtil.setCurrentTime(Date.from(monday));
        breached(3, "Breach Day One");
        later(Duration.ofDays(1));
        breached(7, "Breach Day Two");
        BreachFilter week = new BreachFilter(monday, monday.plus(Duration.ofDays(7)), null, null);

        assertThat(report.count(week)).isEqualTo(2);
        assertThat(report.page(week, PageRequest.of(0, 10)))
                .extracting(BreachRecord::customerName)
                .containsExactly("Breach Day Two", "Breach Day One");
        assertThat(report.count(new BreachFilter(week.from(), week.to(), null, Segment.PASSIVE)))
                .isEqualTo(1);
        assertThat(report.count(new BreachFilter(week.from(), week.to(), "team-apac", null)))
                .isZero();
        assertThat(report.perDay(week).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(2);
        // on the days the breaches happened (which days depends on the week's holidays: weeks are random)
        Map<LocalDate, Long> expected = new java.util.HashMap<>();
        report.page(week, PageRequest.of(0, 10))
                .forEach(b -> expected.merge(LocalDate.ofInstant(b.breachedAt(), ZoneOffset.UTC), 1L, Long::sum));
        assertThat(report.perDay(week)).hasSize(8).containsAllEntriesOf(expected);
    }

    @Test
    void workloadCountsOpenDueTodayAndBreachedPerPersonAndMovesWork() {
        String mine = contactOf(open(3, "Load One")).taskId();
        String mine2 = contactOf(open(3, "Load Two")).taskId();
        taskwork.claim(mine, fiona);
        taskwork.claim(mine2, fiona);

        Workload.Load before = workload.perPerson(ZoneOffset.UTC).stream()
                .filter(l -> l.who().equals("fiona"))
                .findFirst()
                .orElseThrow();
        BulkOutcome moved = workload.move("fiona", "frank", sam);

        assertThat(before.open()).isGreaterThanOrEqualTo(2);
        assertThat(moved.done()).contains(mine, mine2);
        assertThat(workload.perPerson(ZoneOffset.UTC)).noneMatch(l -> l.who().equals("fiona"));
        assertThat(workload.perGroup(ZoneOffset.UTC)).anyMatch(l -> l.who().equals("team-emea") && l.open() >= 2);
    }

    @Test
    void someoneAwayGetsNoNewWork() {
        availability.set("frank", true, "holiday", sam);
        String task = contactOf(open(3, "Away Test")).taskId();
        taskwork.claim(task, fiona);

        assertThat(taskwork.colleaguesFor(task, fiona)).doesNotContain("frank");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskwork.reassign(task, "frank", fiona))
                .isInstanceOf(TaskNotAvailable.class)
                .hasMessage("frank is away and gets no new work");
        // a task the process would hand to frank opens for his group instead
        UUID caseId = open(3, "Reached By Frank");
        availability.set("frank", false, null, sam);
        taskwork.claim(contactOf(caseId).taskId(), frank);
        availability.set("frank", true, "gone home", sam);
        casework.completeContact(
                contactOf(caseId).taskId(), new ContactReport(Channel.PHONE, ContactOutcome.REACHED, null), frank);
        var resolution = casework.find(caseId).orElseThrow().openTasks().get(0);
        assertThat(resolution.taskKey()).isEqualTo(ClosedLoop.LOG_RESOLUTION);
        assertThat(resolution.assignee()).isNull();
        assertThat(resolution.candidateGroup()).isEqualTo("team-emea");
    }

    @Test
    void theLoopsHealthCountsOpenedInTimeMediansUnreachableAndClosed() {
        UUID quick = open(3, "Quick Contact");
        UUID slow = open(2, "Slow Contact");
        open(4, "Never Contacted");
        later(Duration.ofHours(1));
        reach(quick);
        later(Duration.ofDays(3)); // past every detractor's 24 business hours
        reach(slow);

        CaseMetrics.Period week = metrics.between(monday, monday.plus(Duration.ofDays(7)));

        assertThat(week.opened()).isEqualTo(3);
        assertThat(week.dueOrContacted()).isEqualTo(3);
        assertThat(week.contactedInTime()).isEqualTo(1);
        assertThat(week.withinSlaPercent()).isCloseTo(33.3, within(0.1));
        assertThat(week.medianTimeToContact().get(Segment.DETRACTOR))
                .isEqualTo(Duration.ofHours(1).plusDays(3));
        assertThat(week.medianTimeToContact()).doesNotContainKey(Segment.PROMOTER);
        assertThat(health.thisWeek(ZoneOffset.UTC).cases().opened()).isEqualTo(3);
    }

    @Test
    void aStepThatFailedAllItsRetriesIsAnIncidentASupervisorCanRetry() {
        UUID caseId = open(3, "Incident Case");
        String pi = scenes().processInstanceOf(caseId);
        Job alert = management
                .createJobQuery()
                .processInstanceId(pi)
                .activityId(ClosedLoop.ACKNOWLEDGE)
                .singleResult();
        // the mail server of this test context does not exist: every send fails, until the retries (the
        // activity's own retry cycle, set on the first failure) run out and the job becomes an incident
        for (int attempt = 0;
                attempt < 10
                        && runtime.createIncidentQuery().processInstanceId(pi).count() == 0;
                attempt++) {
            try {
                management.executeJob(alert.getId());
            } catch (RuntimeException expected) {
                // the failure is what this test wants
            }
        }

        Incidents.Open incident = incidents.open().stream()
                .filter(i -> caseId.equals(i.caseId()))
                .findFirst()
                .orElseThrow();
        assertThat(incident.activityId()).isEqualTo(ClosedLoop.ACKNOWLEDGE);
        assertThat(incident.message()).isNotBlank();

        incidents.retry(incident.incidentId(), sam);
        assertThat(management
                        .createJobQuery()
                        .jobId(alert.getId())
                        .singleResult()
                        .getRetries())
                .isEqualTo(1);
    }

    @Test
    void theDiagramCountsWhoWaitsWhereListsThemOldestFirstAndTracesOneCasesPath() {
        long waitingBefore = loop.latest().waiting().getOrDefault(ClosedLoop.CONTACT_CUSTOMER, 0L);
        long breachesBefore = loop.latest().breaches().getOrDefault(ClosedLoop.CONTACT_CUSTOMER, 0L);
        UUID waiting = open(3, "Diagram Waiting");
        breached(3, "Diagram Breached");

        LoopDiagram.Picture picture = loop.latest();
        List<CaseHeadline> listed = loop.casesAt(ClosedLoop.CONTACT_CUSTOMER);
        LoopDiagram.Path path = loop.pathOf(waiting).orElseThrow();

        assertThat(picture.waiting().get(ClosedLoop.CONTACT_CUSTOMER)).isEqualTo(waitingBefore + 2);
        assertThat(picture.breaches().get(ClosedLoop.CONTACT_CUSTOMER)).isEqualTo(breachesBefore + 1);
        assertThat(picture.names()).containsEntry(ClosedLoop.CONTACT_CUSTOMER, "Contact customer");
        assertThat(picture.xml()).contains("id=\"" + ClosedLoop.CONTACT_CUSTOMER + "\"");
        assertThat(picture.stations())
                .anyMatch(s -> s.activityId().equals(ClosedLoop.CONTACT_CUSTOMER) && s.waiting() == waitingBefore + 2);
        assertThat(listed)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(LoopDiagram.CASES_LISTED)
                .isSortedAccordingTo(java.util.Comparator.comparing(CaseHeadline::openedAt))
                .allSatisfy(c -> assertThat(runtime.getActiveActivityIds(scenes().processInstanceOf(c.caseId())))
                        .contains(ClosedLoop.CONTACT_CUSTOMER));
        assertThat(path.current()).containsExactlyInAnyOrder(ClosedLoop.REACH_CUSTOMER, ClosedLoop.CONTACT_CUSTOMER);
        assertThat(path.passed())
                .contains(ClosedLoop.START, ClosedLoop.DECIDE_POLICY)
                .doesNotContain(ClosedLoop.CONTACT_CUSTOMER);
        assertThat(loop.pathOf(UUID.randomUUID())).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------

    UUID open(int score, String name) {
        return scenes().open(score, name);
    }

    UUID breached(int score, String name) {
        return scenes().breached(score, name);
    }

    String reviewOf(UUID caseId) {
        return scenes().reviewOf(caseId);
    }

    dev.loopkeeper.casework.CaseSummary.OpenTaskView contactOf(UUID caseId) {
        return scenes().contactOf(caseId);
    }

    void reach(UUID caseId) {
        scenes().reach(caseId, fiona);
    }

    void later(Duration duration) {
        CaseScenes.later(duration);
    }

    private CaseScenes scenes() {
        return new CaseScenes(context);
    }
}
