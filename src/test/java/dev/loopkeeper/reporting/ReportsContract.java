package dev.loopkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.domain.CaseParticipants;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.insight.domain.Voices;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.intake.domain.ResponseRows;
import dev.loopkeeper.reporting.LoopKpis.Agent;
import dev.loopkeeper.reporting.LoopKpis.Compliance;
import dev.loopkeeper.reporting.LoopKpis.Count;
import dev.loopkeeper.reporting.LoopKpis.FollowUpRate;
import dev.loopkeeper.reporting.LoopKpis.ParetoRow;
import dev.loopkeeper.reporting.LoopKpis.Reachability;
import dev.loopkeeper.reporting.LoopKpis.Recovery;
import dev.loopkeeper.reporting.ReportPeriod.Granularity;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.RevenueAtRisk;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays;
import dev.loopkeeper.sla.domain.SlaBreach;
import dev.loopkeeper.sla.domain.SlaBreaches;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every report figure on {@link ReportFixture}'s small company, against answers worked out by hand, on whatever
 * database the subclass gives it.
 */
abstract class ReportsContract {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ReportPeriod FIRST_QUARTER =
            new ReportPeriod(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 3, 31), MADRID, Granularity.MONTH);
    static final ReportPeriod JANUARY =
            new ReportPeriod(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 1, 31), MADRID, Granularity.MONTH);
    static final ReportPeriod FEBRUARY =
            new ReportPeriod(LocalDate.of(2031, 2, 1), LocalDate.of(2031, 2, 28), MADRID, Granularity.MONTH);
    static final ReportScope COMPANY = ReportScope.company(JANUARY);
    static final ReportScope TEAM_A = new ReportScope(JANUARY, Set.of("team-a"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NpsTrend nps;

    @Autowired
    LoopKpis kpis;

    @Autowired
    RevenueProtection revenue;

    @BeforeEach
    void seed() {
        new ReportFixture(jdbc).seedOnce();
        // the fixture marked its days; the app counts them in the background, the test does not wait for it
        counts.countChanges();
    }

    @Nested
    class NpsOverTime {

        @Test
        void countsEachMonthInTheUsersZoneWithItsMarginOfError() {
            List<NpsTrend.Point> months = nps.overall(FIRST_QUARTER);

            assertThat(months).extracting(p -> p.bucket().label()).containsExactly("2031-01", "2031-02", "2031-03");
            // January: 25 promoters, 15 passives, 10 detractors (one answered 31 Dec 23:30 UTC, 1 Jan in Madrid)
            assertThat(months.get(0).nps()).isEqualTo(new Nps(25, 15, 10));
            assertThat(months.get(0).nps().score()).isEqualTo(30.0);
            // p = 0.5, d = 0.2: variance = 0.5 + 0.2 − 0.3² = 0.61; MoE = 1.96 · √(0.61 / 50) = 1.96 · 0.110454
            // = 0.21649 → ±21.6 points
            assertThat(months.get(0).nps().marginOfError()).isCloseTo(21.649, within(0.001));
            assertThat(months.get(0).nps().tooSmallToCompare()).isFalse();
            // February: 10, 10, 20 → −25; p = 0.25, d = 0.5: variance = 0.75 − 0.0625 = 0.6875;
            // MoE = 1.96 · √(0.6875 / 40) = 1.96 · 0.131101 = 0.25696 → ±25.7 points
            assertThat(months.get(1).nps()).isEqualTo(new Nps(10, 10, 20));
            assertThat(months.get(1).nps().score()).isEqualTo(-25.0);
            assertThat(months.get(1).nps().marginOfError()).isCloseTo(25.696, within(0.001));
            // March: 10 responses
            assertThat(months.get(2).nps().responses()).isEqualTo(10);
            assertThat(months.get(2).nps().tooSmallToCompare()).isTrue();
        }

        @Test
        void aFallOfFiftyFivePointsIsSignificantAndTooFewResponsesAreNotCompared() {
            // standard error = 100 · √(0.61/50 + 0.6875/40) = 100 · √0.0293875 = 17.143; z = −55 / 17.143 = −3.208
            Nps.Change change = nps.of(JANUARY).changeTo(nps.of(FEBRUARY));

            assertThat(change.points()).isEqualTo(-55.0);
            assertThat(change.z()).isCloseTo(-3.208, within(0.001));
            assertThat(change.significant()).isTrue();
            assertThat(change.verdict()).isEqualTo("significant fall");
            assertThat(nps.of(FEBRUARY).changeTo(new Nps(5, 0, 5)).verdict()).isEqualTo("too small to compare");
        }

        @Test
        void segmentsByAResponsePropertyAndByTheCustomersTier() {
            List<NpsTrend.Point> regions = nps.by(JANUARY, Dimension.REGION);

            assertThat(regions)
                    .extracting(NpsTrend.Point::value, NpsTrend.Point::nps)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("", new Nps(5, 15, 10)),
                            org.assertj.core.groups.Tuple.tuple("north", new Nps(20, 0, 0)));
            assertThat(nps.by(JANUARY, Dimension.TIER))
                    .extracting(NpsTrend.Point::value, NpsTrend.Point::nps)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("", new Nps(0, 15, 10)),
                            org.assertj.core.groups.Tuple.tuple("gold", new Nps(25, 0, 0)));
        }
    }

    @Nested
    class TheLoop {

        @Test
        void followUpRateCountsOnlyCasesThatNeededAPerson() {
            // needed: every case but the automatic thank-you and the one without follow-up (c6, c7)
            assertThat(kpis.followUpRate(COMPANY))
                    .containsExactly(
                            new FollowUpRate(Segment.DETRACTOR, 5, 3),
                            new FollowUpRate(Segment.PASSIVE, 1, 1),
                            new FollowUpRate(null, 6, 4));
            assertThat(kpis.followUpRate(TEAM_A)).last().isEqualTo(new FollowUpRate(null, 4, 3));
        }

        @Test
        void timeToFirstContactHasMedianNinetiethPercentileAndBands() {
            // 30 min, 1 h, 3 h, 48 h: median rank ⌈0.5·4⌉ = 2 → 1 h; p90 rank ⌈0.9·4⌉ = 4 → 48 h
            assertThat(kpis.timeToFirstContact(COMPANY))
                    .isEqualTo(new LoopKpis.Spread(4, Duration.ofHours(1), Duration.ofHours(48)));
            assertThat(kpis.timeToFirstContactBands(COMPANY))
                    .extracting(Count::count)
                    .containsExactly(1L, 2L, 0L, 0L, 1L, 0L);
        }

        @Test
        void contactToResolution() {
            // 12 h, 24 h, 48 h: median rank 2 → 24 h; p90 rank 3 → 48 h
            assertThat(kpis.contactToResolution(COMPANY))
                    .isEqualTo(new LoopKpis.Spread(3, Duration.ofHours(24), Duration.ofHours(48)));
        }

        @Test
        void slaComplianceAndBreachesByGroupAndStep() {
            Instant now = Instant.parse("2031-02-15T00:00:00Z");
            assertThat(kpis.slaCompliance(COMPANY, now))
                    .containsExactly(new Compliance("team-a", 4, 2), new Compliance("team-b", 2, 1));
            assertThat(kpis.slaCompliance(TEAM_A, now)).containsExactly(new Compliance("team-a", 4, 2));
            assertThat(kpis.breachesByGroup(COMPANY)).containsExactly(new Count("team-a", 3), new Count("team-b", 1));
            assertThat(kpis.breachesByStep(COMPANY))
                    .containsExactly(new Count("Task_ContactCustomer", 3), new Count("Task_LogResolution", 1));
        }

        @Test
        void unreachableRateAndAttemptsPerCase() {
            Reachability reach = kpis.reachability(COMPANY);
            // 1 of 6 needed; 10 attempts on 5 cases
            assertThat(reach).isEqualTo(new Reachability(6, 1, 10, 5));
            assertThat(reach.unreachablePercent()).isCloseTo(16.667, within(0.001));
            assertThat(reach.attemptsPerCase()).isEqualTo(2.0);
        }

        @Test
        void outcomesRootCausesAndThemesAsPareto() {
            assertThat(kpis.outcomes(COMPANY))
                    .containsExactly(
                            new Count("RESOLVED", 3),
                            new Count("THANKED", 2),
                            new Count("NO_FOLLOW_UP", 1),
                            new Count("OPEN", 1),
                            new Count("UNREACHABLE", 1));
            assertThat(kpis.rootCauses(COMPANY))
                    .extracting(ParetoRow::key, ParetoRow::count)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("PRODUCT", 2L),
                            org.assertj.core.groups.Tuple.tuple("PROCESS", 1L));
            assertThat(kpis.rootCauses(COMPANY).get(0).cumulativePercent()).isCloseTo(66.667, within(0.001));
            assertThat(kpis.themes(COMPANY))
                    .containsExactly(
                            new ParetoRow("Reports delivery", 3, 75.0), new ParetoRow("Reports price", 1, 100.0));
        }

        @Test
        void improvementLeadTimeFromIssueFoundToFixVerified() {
            // 4, 10 and 20 days verified in January; the fourth in February
            assertThat(kpis.improvementLeadTime(COMPANY))
                    .isEqualTo(new LoopKpis.Spread(3, Duration.ofDays(10), Duration.ofDays(20)));
        }

        @Test
        void detractorRecoveryFromReSurveys() {
            // 3 → 9 and 2 → 7 came back, 3 → 4 did not; a passive's re-survey and an unanswered one do not count
            Recovery recovery = kpis.detractorRecovery(COMPANY);
            assertThat(recovery).isEqualTo(new Recovery(3, 1, 1));
            assertThat(recovery.percent()).isCloseTo(66.667, within(0.001));
            assertThat(kpis.detractorRecovery(new ReportScope(JANUARY, Set.of("team-b"))))
                    .isEqualTo(new Recovery(0, 0, 0));
        }

        @Test
        void perAgentForSupervisors() {
            assertThat(kpis.agents(COMPANY))
                    .containsExactly(new Agent("fiona", 2, 2, 2, 3), new Agent("frank", 2, 1, 1, 4));
        }
    }

    @Nested
    class Revenue {

        @Test
        void atRiskPerSegmentAndProtectedByRecoveredDetractors() {
            RevenueProtection.Point january = revenue.of(JANUARY).get(0);

            // 10 detractors × 2 000 × 0.30; 15 passives × 1 000 (the average) × 0.10; 25 promoters × 1 000 × 0.02
            assertThat(january.atRisk())
                    .containsEntry(Segment.DETRACTOR, new BigDecimal("6000.00"))
                    .containsEntry(Segment.PASSIVE, new BigDecimal("1500.00"))
                    .containsEntry(Segment.PROMOTER, new BigDecimal("500.00"));
            assertThat(january.totalAtRisk()).isEqualByComparingTo("8000");
            // 5 000 × (0.30 − 0.02) + 1 000 (no customer row: the average) × (0.30 − 0.10) = 1 400 + 200
            assertThat(january.recovered()).isEqualTo(2);
            assertThat(january.protectedRevenue()).isEqualByComparingTo("1600");
            assertThat(revenue.formula())
                    .contains("lifetime value × churn probability")
                    .contains("1000");
        }
    }

    @Autowired
    ReportCounts counts;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseProgress progress;

    @Autowired
    CaseParticipants participants;

    @Autowired
    SlaBreaches breaches;

    @Autowired
    ResponseRows responseRows;

    @Autowired
    ChangedDays changedDays;

    @Autowired
    Voices voices;

    @Autowired
    RevenueAtRisk risk;

    @Autowired
    ReportSettings settings;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The counts kept current by the writers themselves: after a read, each change goes through the code that makes
     * it in the app, and the next read gives what the rows give (the same figures counted from the rows directly).
     */
    @Nested
    class KeptCurrent {

        /** Two weeks in Madrid, whose midnights fall inside UTC days: the edges are read hour by hour. */
        final ReportPeriod weeks = ReportPeriod.last(2, Granularity.WEEK, LocalDate.now(MADRID), MADRID);

        /** The same figures, every one counted from the rows. */
        NpsTrend directNps;

        LoopKpis directKpis;

        RevenueProtection directRevenue;

        @BeforeEach
        void direct() {
            directNps = new NpsTrend(named, null);
            directKpis = new LoopKpis(named, null);
            directRevenue = new RevenueProtection(named, risk, settings, null);
        }

        @Test
        void aResponseStoredOrRevisedAfterAReadCountsInTheNextRead() {
            Nps before = nps.of(weeks);
            String event = "kept-" + UUID.randomUUID();
            intake.keepAsHistory(List.of(submission(event, 10, "kept-north")));
            counts.countChanges();

            assertThat(nps.of(weeks)).isEqualTo(before.plus(new Nps(1, 0, 0)));
            assertNpsAsCountedFromTheRows();

            new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> responseRows
                            .lockedCurrent("kept-survey", event)
                            .ifPresent(current ->
                                    responseRows.revise(current, 3, "worse now", Instant.now(), Instant.now())));
            counts.countChanges();

            assertThat(nps.of(weeks)).isEqualTo(before.plus(new Nps(0, 0, 1)));
            assertThat(nps.by(weeks, Dimension.REGION))
                    .filteredOn(p -> p.value().equals("kept-north"))
                    .extracting(NpsTrend.Point::nps)
                    .containsExactly(new Nps(0, 0, 1));
            assertNpsAsCountedFromTheRows();
        }

        @Test
        void aCaseOpenedReachedResolvedClosedAndBreachedAfterAReadCountsInTheNextRead() {
            ReportScope company = ReportScope.company(weeks);
            long outcomesBefore =
                    kpis.outcomes(company).stream().mapToLong(Count::count).sum();

            UUID caseId = intake.receive(submission("kept-" + UUID.randomUUID(), 2, null))
                    .caseId();
            counts.countChanges();
            assertThat(kpis.outcomes(company).stream().mapToLong(Count::count).sum())
                    .isEqualTo(outcomesBefore + 1);
            assertLoopAsCountedFromTheRows(company);

            progress.recordAttempt(caseId, Channel.PHONE, ContactOutcome.REACHED, "talked it through", "kept-agent");
            counts.countChanges();
            assertThat(kpis.agents(company))
                    .filteredOn(a -> a.agent().equals("kept-agent"))
                    .containsExactly(new Agent("kept-agent", 1, 1, 0, 1));
            assertLoopAsCountedFromTheRows(company);

            // an agent decides the response's themes: the case counts under the new one
            UUID theme = UUID.randomUUID();
            named.update(
                    "insert into theme (id, name, created_by, created_at) values (:id, :name, 'kept', :at)",
                    new MapSqlParameterSource("id", theme.toString())
                            .addValue("name", "Kept theme " + theme)
                            .addValue("at", LocalDateTime.now(ZoneOffset.UTC)));
            new TransactionTemplate(transactions)
                    .executeWithoutResult(status ->
                            voices.judge(caseId, Set.of(theme), "kept-agent", Instant.now(), "", "Kept theme"));
            counts.countChanges();
            assertThat(kpis.themes(company)).extracting(ParetoRow::key).contains("Kept theme " + theme);
            assertLoopAsCountedFromTheRows(company);

            progress.recordResolution(caseId, "fixed", "KEPT-CAUSE", List.of(), true, false, null, "kept-agent");
            progress.close(caseId);
            counts.countChanges();
            assertThat(kpis.rootCauses(company)).extracting(ParetoRow::key).contains("KEPT-CAUSE");
            assertThat(kpis.agents(company))
                    .filteredOn(a -> a.agent().equals("kept-agent"))
                    .containsExactly(new Agent("kept-agent", 1, 1, 1, 1));
            assertLoopAsCountedFromTheRows(company);

            Instant now = Instant.now();
            breaches.save(new SlaBreach(
                    caseId, "kept", "Task_ContactCustomer", now, now, "kept-group", null, "DETRACTOR", "Kept"));
            new TransactionTemplate(transactions)
                    .executeWithoutResult(status ->
                            participants.join(caseId, CaseParticipants.Kind.GROUP, "kept-group", Instant.now()));
            counts.countChanges();
            assertThat(kpis.breachesByGroup(company)).contains(new Count("kept-group", 1));
            assertThat(kpis.groups()).as("the picker's groups").contains("kept-group");
            ReportScope keptGroup = new ReportScope(weeks, Set.of("kept-group"));
            assertThat(kpis.followUpRate(keptGroup)).last().isEqualTo(new FollowUpRate(null, 1, 1));
            assertLoopAsCountedFromTheRows(company);
            assertLoopAsCountedFromTheRows(keptGroup);
        }

        @Test
        void aChangeReachesTheFiguresWithTheNextCountNotWithARead() {
            counts.countChanges();
            Nps before = nps.of(weeks);
            intake.keepAsHistory(List.of(submission("kept-" + UUID.randomUUID(), 9, null)));

            assertThat(nps.of(weeks)).as("a read counts nothing itself").isEqualTo(before);
            Instant round = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            counts.countChanges();
            assertThat(nps.of(weeks)).isEqualTo(before.plus(new Nps(1, 0, 0)));
            assertThat(counts.countedAt())
                    .hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(round));
        }

        /** A node that took marked days and died before their counts were stored leaves them to the next round. */
        @Test
        void daysTakenByACountThatFailedAreCountedByTheNext() {
            counts.countChanges();
            Nps before = nps.of(weeks);
            Instant at = Instant.now().minusSeconds(60);
            intake.keepAsHistory(List.of(submission("kept-" + UUID.randomUUID(), 8, null)));
            // what the first transaction of a round leaves when the second one fails
            long day = ChangedDays.dayOf(at);
            named.update(
                    "delete from report_day_mark where kind = 'responses' and day_no = :day",
                    new MapSqlParameterSource("day", day));
            named.update(
                    "insert into report_counting_day (kind, day_no) values ('responses', :day)",
                    new MapSqlParameterSource("day", day));

            counts.countChanges();

            assertThat(nps.of(weeks)).isEqualTo(before.plus(new Nps(0, 1, 0)));
            assertThat(named.queryForObject(
                            "select count(*) from report_counting_day", new MapSqlParameterSource(), Long.class))
                    .isZero();
        }

        /**
         * A writer that changed a response and marked its day, and has not committed yet: a count neither waits for
         * it nor takes its mark (while it takes the marks committed before and after it), so the change is counted by
         * the round after its commit instead of being lost between the two.
         */
        @Test
        void aChangeStillBeingCommittedWhileItsDayIsCountedIsCountedByTheNextRound() throws Exception {
            String event = "kept-" + UUID.randomUUID();
            intake.keepAsHistory(List.of(submission(event, 8, null)));
            counts.countChanges();
            Nps before = nps.of(weeks);
            // marks committed before and after the writer's, many (a round takes hundreds in a storm), so that the
            // round takes marks on either side of it
            intake.keepAsHistory(List.of(submission("kept-" + UUID.randomUUID(), 10, null)));
            commitMarks(300);
            CountDownLatch marked = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                Future<?> written =
                        writer.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                            responseRows
                                    .lockedCurrent("kept-survey", event)
                                    .ifPresent(current ->
                                            responseRows.revise(current, 1, "worse now", Instant.now(), Instant.now()));
                            changedDays.markNow(
                                    ChangedDays.Kind.RESPONSES, Instant.now().minusSeconds(60));
                            marked.countDown();
                            await(commit);
                        }));
                assertThat(marked.await(30, TimeUnit.SECONDS)).isTrue();
                intake.keepAsHistory(List.of(submission("kept-" + UUID.randomUUID(), 10, null)));
                commitMarks(300);

                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> counts.countChanges());
                assertThat(nps.of(weeks)).as("not committed, not counted").isEqualTo(before.plus(new Nps(2, 0, 0)));

                commit.countDown();
                written.get(30, TimeUnit.SECONDS);
            } finally {
                commit.countDown();
                writer.shutdownNow();
            }
            counts.countChanges();
            assertThat(nps.of(weeks)).isEqualTo(before.plus(new Nps(2, -1, 1)));
            assertNpsAsCountedFromTheRows();
        }

        /**
         * A breach storm: many transactions mark the same day while rounds count it and take its marks, again and
         * again. No writer may fail for it. On MariaDB, a mark that was one row per day, written insert-if-absent,
         * let two writers that came right after a round had taken it each share-lock the deleted row and wait for
         * the other (a deadlock that rolled back a whole group of breaches); the benchmark's storms met it.
         */
        @Test
        void writersOfOneDayNeverFailWhileRoundsTakeItsMarks() throws Exception {
            int writers = 6;
            int transactionsEach = 150;
            Instant today = Instant.now();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(writers + 2);
            try {
                Future<?> rounds = threads.submit(() -> {
                    while (writing.get()) {
                        counts.countChanges();
                    }
                });
                // a second node's rounds, which this node's lock does not keep apart from the first's
                Future<?> otherNode = threads.submit(() -> {
                    while (writing.get()) {
                        for (ChangedDays.Kind kind : ChangedDays.Kind.values()) {
                            counts.catchUp(kind);
                        }
                    }
                });
                List<Future<Integer>> written = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    written.add(threads.submit(() -> {
                        TransactionTemplate transaction = new TransactionTemplate(transactions);
                        for (int i = 0; i < transactionsEach; i++) {
                            transaction.executeWithoutResult(status -> {
                                changedDays.mark(ChangedDays.Kind.BREACHES, today);
                                changedDays.mark(ChangedDays.Kind.CASES, today);
                            });
                        }
                        return transactionsEach;
                    }));
                }
                int committed = 0;
                for (Future<Integer> writer : written) {
                    committed += writer.get(5, TimeUnit.MINUTES);
                }
                writing.set(false);
                rounds.get(1, TimeUnit.MINUTES);
                otherNode.get(1, TimeUnit.MINUTES);
                assertThat(committed).isEqualTo(writers * transactionsEach);
            } finally {
                writing.set(false);
                threads.shutdownNow();
            }
            // the marks committed by now, the writers' among them; another writer of the app's may add later ones
            MapSqlParameterSource upTo = new MapSqlParameterSource(
                    "last",
                    named.queryForObject(
                            "select coalesce(max(id), 0) from report_day_mark",
                            new MapSqlParameterSource(),
                            Long.class));
            counts.countChanges();
            assertThat(named.queryForObject("select count(*) from report_day_mark where id <= :last", upTo, Long.class))
                    .as("every mark committed before the last round taken by it")
                    .isZero();
        }

        private void commitMarks(int marks) {
            long today = ChangedDays.dayOf(Instant.now());
            named.batchUpdate(
                    "insert into report_day_mark (kind, day_no) values ('responses', :day)",
                    Collections.nCopies(marks, new MapSqlParameterSource("day", today))
                            .toArray(MapSqlParameterSource[]::new));
        }

        private static void await(CountDownLatch latch) {
            try {
                assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Test
        void everyDayCountedAgainGivesTheSameFigures() {
            counts.recountAll();

            assertLoopAsCountedFromTheRows(COMPANY);
            assertLoopAsCountedFromTheRows(TEAM_A);
            assertThat(nps.overall(FIRST_QUARTER)).isEqualTo(directNps.overall(FIRST_QUARTER));
            assertThat(nps.by(JANUARY, Dimension.REGION)).isEqualTo(directNps.by(JANUARY, Dimension.REGION));
            assertThat(kpis.timeToFirstContact(COMPANY))
                    .isEqualTo(new LoopKpis.Spread(4, Duration.ofHours(1), Duration.ofHours(48)));
        }

        /**
         * Revenue at risk counts a customer once per bucket and segment, by their lifetime value: an answer stored
         * before the customer's later one (history arriving late), a second answer in the same week, and a new
         * lifetime value all change it, and after the next count it is what the rows give.
         */
        @Test
        void revenueAtRiskFollowsLateHistoryRepeatedAnswersAndANewLifetimeValue() {
            String customer = "KEPT-REVENUE-" + UUID.randomUUID();
            Instant now = Instant.now();
            intake.keepAsHistory(List.of(answer(customer, now.minus(Duration.ofDays(1)), 2, null)));
            counts.countChanges();
            assertRevenueAsCountedFromTheRows();

            // the customer as such unchanged for a while: what follows is found from the responses alone
            named.update(
                    "update customer set updated_at = :long_ago where external_id = :customer",
                    new MapSqlParameterSource("customer", customer)
                            .addValue(
                                    "long_ago",
                                    LocalDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC)));
            counts.countChanges();
            // the same customer, the same segment, a day earlier, stored after: the later one no longer counts
            intake.keepAsHistory(List.of(answer(customer, now.minus(Duration.ofDays(2)), 3, null)));
            intake.keepAsHistory(List.of(answer(customer, now.minus(Duration.ofDays(20)), 1, null)));
            counts.countChanges();
            assertRevenueAsCountedFromTheRows();

            // a new lifetime value reaches every bucket the customer answered in
            intake.keepAsHistory(List.of(answer(customer, now.minus(Duration.ofHours(5)), 9, new BigDecimal("7777"))));
            counts.countChanges();
            assertRevenueAsCountedFromTheRows();
        }

        private void assertRevenueAsCountedFromTheRows() {
            assertThat(revenue.of(weeks)).isEqualTo(directRevenue.of(weeks));
            ReportPeriod months = ReportPeriod.last(3, Granularity.MONTH, LocalDate.now(MADRID), MADRID);
            assertThat(revenue.of(months)).isEqualTo(directRevenue.of(months));
        }

        private static ResponseSubmission answer(String customer, Instant at, int score, BigDecimal lifetimeValue) {
            return new ResponseSubmission(
                    "kept-survey",
                    "kept-" + UUID.randomUUID(),
                    at,
                    score,
                    "kept current",
                    new CustomerDetails(customer, "Kept Revenue", null, null, Channel.EMAIL, null, lifetimeValue),
                    Map.of(),
                    null);
        }

        private void assertNpsAsCountedFromTheRows() {
            assertThat(nps.of(weeks)).isEqualTo(directNps.of(weeks));
            assertThat(nps.overall(weeks)).isEqualTo(directNps.overall(weeks));
            assertThat(nps.by(weeks, Dimension.REGION))
                    .containsExactlyInAnyOrderElementsOf(directNps.by(weeks, Dimension.REGION));
            assertThat(nps.by(weeks, Dimension.TOUCHPOINT))
                    .containsExactlyInAnyOrderElementsOf(directNps.by(weeks, Dimension.TOUCHPOINT));
        }

        private void assertLoopAsCountedFromTheRows(ReportScope scope) {
            Instant now = Instant.now();
            assertThat(kpis.followUpRate(scope)).isEqualTo(directKpis.followUpRate(scope));
            assertThat(kpis.timeToFirstContact(scope)).isEqualTo(binned(directKpis.timeToFirstContact(scope)));
            assertThat(kpis.timeToFirstContactBands(scope)).isEqualTo(directKpis.timeToFirstContactBands(scope));
            assertThat(kpis.contactToResolution(scope)).isEqualTo(binned(directKpis.contactToResolution(scope)));
            assertThat(kpis.slaCompliance(scope, now))
                    .containsExactlyInAnyOrderElementsOf(directKpis.slaCompliance(scope, now));
            assertThat(kpis.breachesByGroup(scope))
                    .containsExactlyInAnyOrderElementsOf(directKpis.breachesByGroup(scope));
            assertThat(kpis.breachesByStep(scope))
                    .containsExactlyInAnyOrderElementsOf(directKpis.breachesByStep(scope));
            assertThat(kpis.reachability(scope)).isEqualTo(directKpis.reachability(scope));
            assertThat(kpis.outcomes(scope)).containsExactlyInAnyOrderElementsOf(directKpis.outcomes(scope));
            assertThat(kpis.rootCauses(scope)).containsExactlyInAnyOrderElementsOf(directKpis.rootCauses(scope));
            assertThat(kpis.themes(scope)).containsExactlyInAnyOrderElementsOf(directKpis.themes(scope));
            assertThat(kpis.agents(scope)).containsExactlyInAnyOrderElementsOf(directKpis.agents(scope));
        }

        /** The rows' exact seconds to the resolution the counts keep: minutes under a day, hours from a day on. */
        private static LoopKpis.Spread binned(LoopKpis.Spread exact) {
            return new LoopKpis.Spread(
                    exact.count(),
                    exact.median() == null
                            ? null
                            : Duration.ofSeconds(CaseCounter.bin(exact.median().getSeconds())),
                    exact.p90() == null
                            ? null
                            : Duration.ofSeconds(CaseCounter.bin(exact.p90().getSeconds())));
        }

        private static ResponseSubmission submission(String event, int score, String region) {
            return new ResponseSubmission(
                    "kept-survey",
                    event,
                    Instant.now().minusSeconds(60),
                    score,
                    "kept current",
                    new CustomerDetails(
                            "KEPT-" + event, "Kept Current", "kept@example.com", null, Channel.EMAIL, "gold", null),
                    region == null ? Map.of() : Map.of("region", region),
                    "kept-touchpoint");
        }
    }
}
