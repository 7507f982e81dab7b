package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.loopkeeper.FlowNodeCoverage;
import dev.loopkeeper.MailServer;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.insight.ImprovementProcess;
import dev.loopkeeper.insight.ImprovementStatus;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.insight.NewImprovement;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sla.BreachLog;
import dev.loopkeeper.sla.BreachRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every path of the closed loop and of the improvement action, on whatever database the subclass gives
 * it. Drives the processes from wait state to wait state — async steps and due timers run by moving the
 * engine clock and executing the jobs — and asserts the effects: mails in a real SMTP server, rows in our
 * tables, tasks and their groups.
 */
abstract class ClosedLoopProcessContract {

    /** Monday 23 November 2026, 10:00 in Madrid: inside EMEA working hours. */
    static final Instant MONDAY_10AM_MADRID = Instant.parse("2026-11-23T09:00:00Z");

    static final String CUSTOMER_EMAIL = "maria@example.com";

    static final MailServer mail = MailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    CaseIntake intake;

    @Autowired
    Casework casework;

    @Autowired
    Taskwork taskwork;

    @Autowired
    BreachLog breaches;

    @Autowired
    Improvements improvements;

    @Autowired
    Outreach outreach;

    @Autowired
    JdbcTemplate db;

    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));
    final Actor frank = new Actor("frank", Set.of("frontline", "team-emea"));
    final Actor sam = new Actor("sam", Set.of("supervisors"));
    final Actor paula = new Actor("paula", Set.of("process-owners"));
    /** The instances this test started: its jobs are the only ones it runs, whatever earlier tests left. */
    final Set<String> instances = new java.util.LinkedHashSet<>();

    /** The engine of the suite's context, for the coverage check after the last test. */
    static ProcessEngine suiteEngine;

    @BeforeEach
    void startTheClock() throws Exception {
        suiteEngine = engine;
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(MONDAY_10AM_MADRID));
        mail.ensureRunning();
        mail.purge();
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    /** Flow-node coverage of both models by this suite, reported and held to at least 90%. */
    @AfterAll
    static void everyPathIsWalked(TestInfo suite) {
        for (String process : List.of(ClosedLoop.PROCESS_ID, ImprovementProcess.PROCESS_ID)) {
            FlowNodeCoverage coverage = FlowNodeCoverage.of(suiteEngine, process);
            System.out.println(
                    coverage.report(suite.getTestClass().orElseThrow().getSimpleName()));
            assertThat(coverage.ratio())
                    .as("flow nodes of %s not reached: %s", process, coverage.missed())
                    .isGreaterThanOrEqualTo(0.9);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Policy {

        @Test
        void aDetractorFromEmeaGoesToTheEmeaTeamByPhoneWithin24BusinessHours() {
            ProcessInstance loop = open(TestResponses.customer(
                    3,
                    "Maria Lopez",
                    "standard",
                    "EMEA",
                    CUSTOMER_EMAIL,
                    "+34 600 123 456",
                    "Nobody could tell me where my refund is"));

            assertThat(loop)
                    .isWaitingAt(ClosedLoop.CONTACT_CUSTOMER)
                    .variables()
                    .containsEntry(Vars.OWNER_GROUP, "team-emea")
                    .containsEntry(Vars.CHANNEL, "phone")
                    .containsEntry(Vars.BUSINESS_TIME, true)
                    .containsEntry(Vars.MAX_ATTEMPTS, 3);
            Task contact = contactTask(loop);
            assertThat(contact).hasCandidateGroup("team-emea").isNotAssigned();
            // one working day later, same time of day
            assertThat(contact.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        }

        @Test
        void aDetractorArrivingFridayEveningIsDueTuesdayAtOpening() {
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T16:30:00Z"))); // Friday 17:30 in Madrid

            ProcessInstance loop = open(TestResponses.customer(
                    2, "Late Friday", "standard", "EMEA", CUSTOMER_EMAIL, "+34 600 123 456", "Broken again"));

            // the clock starts Monday 09:00 and runs one working day: Tuesday 09:00 in Madrid
            assertThat(contactTask(loop).getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
            assertThat(timer(loop, ClosedLoop.SLA_BREACHED).getDuedate().toInstant())
                    .isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        }

        @Test
        void aHighValueDetractorIsDueTheSameBusinessDay() {
            ProcessInstance loop = open(TestResponses.customer(
                    1, "Gold Customer", "gold", "EMEA", CUSTOMER_EMAIL, "+34 600 123 456", "Unacceptable"));

            assertThat(contactTask(loop)).hasCandidateGroup("frontline");
            assertThat(contactTask(loop).getDueDate().toInstant())
                    .isEqualTo(MONDAY_10AM_MADRID.plus(Duration.ofHours(4)));
        }

        @Test
        void aPassiveIsContactedByEmailWithin48BusinessHours() {
            ProcessInstance loop = open(
                    TestResponses.customer(7, "Passive Paul", "standard", "US", CUSTOMER_EMAIL, null, "It was fine"));

            assertThat(loop)
                    .variables()
                    .containsEntry(Vars.CHANNEL, "email")
                    .containsEntry(Vars.CONTACT_WITHIN, "PT48H");
            // New York: Monday 04:00 is before opening, so the clock starts 09:00 local and runs two working days
            assertThat(contactTask(loop).getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-25T14:00:00Z"));
        }

        @Test
        void aPromoterIsThankedAutomaticallyWithReviewAndReferralLinksAndTheCaseClosesAsThanked() throws Exception {
            ProcessInstance loop = open(TestResponses.customer(
                    10, "Happy Hanna", "standard", "EMEA", CUSTOMER_EMAIL, null, "Great service, thanks"));
            UUID caseId = caseOf(loop);

            runDueJobs();

            assertThat(loop)
                    .isEnded()
                    .hasPassed(ClosedLoop.SEND_THANK_YOU, ClosedLoop.CLOSE_CASE, ClosedLoop.LOOP_CLOSED)
                    .hasNotPassed(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(casework.find(caseId).orElseThrow().closedAs()).isEqualTo(CaseOutcome.THANKED);
            assertThat(mail.subjectsFor(CUSTOMER_EMAIL)).hasSize(1);
            assertThat(deliveries(caseId)).containsExactly("THANK_YOU:SENT");
        }

        @Test
        void aHighValuePromoterIsThankedInPersonAfterBeingReached() {
            ProcessInstance loop = open(TestResponses.customer(
                    9, "Gold Promoter", "gold", "EMEA", CUSTOMER_EMAIL, "+34 600 123 456", "Love it"));
            UUID caseId = caseOf(loop);

            reach(loop, fiona);
            Task thanks = task(loop, ClosedLoop.THANK_PROMOTER);
            assertThat(thanks).isAssignedTo("fiona");
            taskwork.completeTask(
                    thanks.getId(),
                    Map.of(
                            Vars.CHANNEL_USED,
                            "phone",
                            Vars.ASKED_FOR_REVIEW,
                            true,
                            Vars.THANKS_NOTE,
                            "Will write a review"),
                    fiona);
            runDueJobs();

            assertThat(loop)
                    .isEnded()
                    .hasPassed(ClosedLoop.THANK_PROMOTER, ClosedLoop.LOOP_CLOSED)
                    .hasNotPassed(ClosedLoop.LOG_RESOLUTION, ClosedLoop.SEND_THANK_YOU);
            assertThat(casework.find(caseId).orElseThrow().closedAs()).isEqualTo(CaseOutcome.THANKED);
        }

        @Test
        void aPromoterWhoNamesAnEmployeeRaisesARecognitionAlertToTheirManager() {
            ProcessInstance loop = open(TestResponses.customer(
                    10,
                    "Praising Pia",
                    "standard",
                    "EMEA",
                    CUSTOMER_EMAIL,
                    null,
                    "Jonas at the Madrid store was brilliant"));

            runDueJobs();

            assertThat(loop).hasPassed(ClosedLoop.RAISE_RECOGNITION_ALERTS);
            assertThat(alerts(caseOf(loop), "recognition")).containsExactly("sam:Praising Pia praised Jonas Weber");
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Contact {

        @Test
        void reachedOnTheFirstAttemptTheResolutionIsLoggedAndTheLoopCloses() throws Exception {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            runDueJobs();
            assertThat(mail.subjectsFor(CUSTOMER_EMAIL)).hasSize(1); // the apology
            assertThat(alerts(caseId, "new-case")).hasSize(1);
            assertThat(mail.subjectsFor("fiona@loopkeeper.example")).hasSize(1); // the owner alert

            later(Duration.ofHours(2));
            reach(loop, fiona);
            Task resolution = task(loop, ClosedLoop.LOG_RESOLUTION);
            assertThat(resolution).isAssignedTo("fiona");
            assertThat(tasks.getIdentityLinksForTask(resolution.getId()))
                    .anyMatch(link -> "team-emea".equals(link.getGroupId()));
            taskwork.completeTask(resolution.getId(), resolution("billing", false, null), fiona);

            assertThat(loop)
                    .isEnded()
                    .hasPassed(ClosedLoop.CLOSE_CASE, ClosedLoop.LOOP_CLOSED)
                    .hasNotPassed(ClosedLoop.RECORD_BREACH, ClosedLoop.CHOOSE_NEXT_CHANNEL);
            CaseSummary closed = casework.find(caseId).orElseThrow();
            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closed.closedAs()).isEqualTo(CaseOutcome.RESOLVED);
            assertThat(closed.firstContactAt()).isEqualTo(MONDAY_10AM_MADRID.plus(Duration.ofHours(2)));
            assertThat(attempts(caseId)).containsExactly("1:PHONE:REACHED:fiona");
            assertThat(db.queryForMap(
                            "select root_cause, why1, why2, systemic, logged_by from resolution where case_id = ?",
                            caseId.toString()))
                    .containsEntry("ROOT_CAUSE", "billing")
                    .containsEntry("WHY1", "Refund stuck")
                    .containsEntry("WHY2", "Manual approval queue")
                    .containsEntry("LOGGED_BY", "fiona");
            assertThat(breaches.ofCase(caseId)).isEmpty();
        }

        @Test
        void noAnswerOnThePhoneRetriesByEmailAndTheSecondAttemptReaches() throws Exception {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            runDueJobs();
            mail.purge();

            attempt(loop, fiona, Channel.PHONE, ContactOutcome.NO_ANSWER, true);
            assertThat(loop)
                    .isWaitingAt(ClosedLoop.SEND_RETRY_OUTREACH)
                    .variables()
                    .containsEntry(Vars.CHANNEL, "email");
            runDueJobs();
            assertThat(loop).isWaitingAt(ClosedLoop.AWAIT_REPLY);
            assertThat(mail.subjectsFor(CUSTOMER_EMAIL)).hasSize(1); // "we tried to reach you", with a reply link

            // the retry is due 48 business hours later: Wednesday 10:00 Madrid
            Job retry = timer(loop, ClosedLoop.RETRY_DUE);
            assertThat(retry.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
            ClockUtil.setCurrentTime(Date.from(retry.getDuedate().toInstant().plusSeconds(1)));
            runDueJobs();

            // the second attempt's form starts blank but for the channel to try
            Task second = contactTask(loop);
            assertThat(tasks.getVariables(second.getId()))
                    .containsEntry(Vars.CHANNEL_USED, "email")
                    .containsEntry(Vars.CONTACT_OUTCOME, null)
                    .containsEntry(Vars.CONTACT_NOTES, null);
            attempt(loop, fiona, Channel.EMAIL, ContactOutcome.REACHED);
            assertThat(loop).isWaitingAt(ClosedLoop.LOG_RESOLUTION);
            assertThat(attempts(caseId)).containsExactly("1:PHONE:NO_ANSWER:fiona", "2:EMAIL:REACHED:fiona");
        }

        @Test
        void reachedOnTheThirdAttemptAfterEmailAndSms() {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);

            attempt(loop, fiona, Channel.PHONE, ContactOutcome.NO_ANSWER);
            waitForRetry(loop);
            attempt(loop, fiona, Channel.EMAIL, ContactOutcome.NO_ANSWER);
            assertThat(loop).variables().containsEntry(Vars.CHANNEL, "sms");
            waitForRetry(loop);
            attempt(loop, fiona, Channel.SMS, ContactOutcome.REACHED);

            assertThat(loop).isWaitingAt(ClosedLoop.LOG_RESOLUTION);
            assertThat(attempts(caseId)).hasSize(3).last().isEqualTo("3:SMS:REACHED:fiona");
            assertThat(deliveries(caseId)).contains("RETRY:SENT");
        }

        @Test
        void threeUnansweredAttemptsEndTheCaseAsUnreachable() {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);

            attempt(loop, fiona, Channel.PHONE, ContactOutcome.NO_ANSWER);
            waitForRetry(loop);
            attempt(loop, fiona, Channel.EMAIL, ContactOutcome.NO_ANSWER);
            waitForRetry(loop);
            attempt(loop, fiona, Channel.SMS, ContactOutcome.NO_ANSWER);

            assertThat(loop)
                    .hasPassed(
                            ClosedLoop.ATTEMPTS_EXHAUSTED, ClosedLoop.MARK_UNREACHABLE, ClosedLoop.CUSTOMER_UNREACHABLE)
                    .hasNotPassed(ClosedLoop.LOG_RESOLUTION);
            CaseSummary unreachable = casework.find(caseId).orElseThrow();
            assertThat(unreachable.closedAs()).isEqualTo(CaseOutcome.UNREACHABLE);
            assertThat(unreachable.firstContactAt()).isNull();
        }

        @Test
        void wrongDetailsOnTheOnlyChannelLeaveNoChannelAndTheCaseUnreachable() {
            ProcessInstance loop = open(
                    TestResponses.customer(4, "Phone Only", "standard", "EMEA", null, "+34 600 000 000", "Call me"));

            // a wrong number rules out SMS too: nothing is left to try
            attempt(loop, fiona, Channel.PHONE, ContactOutcome.WRONG_CONTACT_DETAILS, true);

            assertThat(loop)
                    .hasPassed(
                            ClosedLoop.CHOOSE_NEXT_CHANNEL,
                            ClosedLoop.ATTEMPTS_EXHAUSTED,
                            ClosedLoop.CUSTOMER_UNREACHABLE)
                    .hasNotPassed(ClosedLoop.SEND_RETRY_OUTREACH);
            assertThat(casework.find(caseOf(loop)).orElseThrow().closedAs()).isEqualTo(CaseOutcome.UNREACHABLE);
        }

        @Test
        void aReplyBeforeTheRetryIsDueBringsTheNextAttemptForward() {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            attempt(loop, fiona, Channel.PHONE, ContactOutcome.NO_ANSWER);
            assertThat(loop).isWaitingAt(ClosedLoop.AWAIT_REPLY);

            later(Duration.ofHours(1));
            outreach.replyReceived(caseId, Channel.EMAIL, ClockUtil.now().toInstant());

            assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER).hasPassed(ClosedLoop.CUSTOMER_REPLIED);
            assertThat(management
                            .createJobQuery()
                            .processInstanceId(loop.getId())
                            .activityId(ClosedLoop.RETRY_DUE)
                            .count())
                    .isZero();
            assertThat(db.queryForObject(
                            "select last_reply_at from follow_up_case where id = ?",
                            java.sql.Timestamp.class,
                            caseId.toString()))
                    .isNotNull();
        }

        @Test
        void aReplyWhileNobodyWaitsForOneIsRecordedAndChangesNothing() {
            ProcessInstance loop = openDetractor();

            outreach.replyReceived(caseOf(loop), Channel.EMAIL, ClockUtil.now().toInstant());

            assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(tasks.createTaskQuery().processInstanceId(loop.getId()).count())
                    .isOne();
        }

        @Test
        void theServerRefusesAContactWithoutOutcomeWhoeverCompletesIt() {
            ProcessInstance loop = openDetractor();
            Task contact = contactTask(loop);
            taskwork.claim(contact.getId(), fiona);

            assertThatThrownBy(() -> taskwork.completeTask(contact.getId(), Map.of(Vars.CHANNEL_USED, "pigeon"), fiona))
                    .isInstanceOfSatisfying(
                            InvalidTaskInput.class,
                            e -> assertThat(e.problems())
                                    .extracting(FieldProblem::field)
                                    .containsExactly(Vars.CHANNEL_USED, Vars.CONTACT_OUTCOME));
            // the engine's own API (as /engine-rest uses it) meets the same rule
            assertThatThrownBy(() -> tasks.complete(contact.getId(), Map.of(Vars.CHANNEL_USED, "phone")))
                    .hasMessageContaining("contactOutcome is required");

            assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(attempts(caseOf(loop))).isEmpty();
        }

        @Test
        void aResolutionNeedsItsSummaryRootCauseAndFirstWhy() {
            ProcessInstance loop = openDetractor();
            reach(loop, fiona);
            Task resolution = task(loop, ClosedLoop.LOG_RESOLUTION);

            assertThatThrownBy(() -> taskwork.completeTask(
                            resolution.getId(),
                            Map.of(Vars.ROOT_CAUSE, "weather", Vars.why(2), "x".repeat(501)),
                            fiona))
                    .isInstanceOfSatisfying(
                            InvalidTaskInput.class,
                            e -> assertThat(e.problems())
                                    .extracting(FieldProblem::field)
                                    .containsExactly(
                                            Vars.RESOLUTION_SUMMARY, Vars.ROOT_CAUSE, Vars.why(1), Vars.why(2)));
            assertThat(loop).isWaitingAt(ClosedLoop.LOG_RESOLUTION);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Escalation {

        @Test
        void aMissedSlaRecordsTheBreachAlertsSupervisorsAndAsksForAReview() throws Exception {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            taskwork.claim(contactTask(loop).getId(), fiona);
            runDueJobs();

            breachSla(loop);

            assertThat(loop)
                    .isWaitingAt(ClosedLoop.CONTACT_CUSTOMER, ClosedLoop.REVIEW_ESCALATION)
                    .hasPassed(ClosedLoop.RECORD_BREACH, ClosedLoop.ALERT_SUPERVISORS);
            BreachRecord breach = breaches.ofCase(caseId).get(0);
            assertThat(breach.dueAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
            assertThat(breach.candidateGroup()).isEqualTo("team-emea");
            assertThat(breach.assigneeAtBreach()).isEqualTo("fiona");
            assertThat(task(loop, ClosedLoop.REVIEW_ESCALATION)).hasCandidateGroup("supervisors");
            assertThat(alerts(caseId, "sla-breach"))
                    .containsExactly("supervisors:SLA breached: a detractor was not contacted in time");
            assertThat(mail.subjectsFor("sam@loopkeeper.example")).hasSize(1);
        }

        @Test
        void aBreachBetweenAttemptsIsRecordedAgainstTheWholeContactStep() {
            ProcessInstance loop = openDetractor();
            attempt(loop, fiona, Channel.PHONE, ContactOutcome.NO_ANSWER);
            runDueJobs();

            breachSla(loop);

            BreachRecord breach = breaches.ofCase(caseOf(loop)).get(0);
            assertThat(breach.activityId()).isEqualTo(ClosedLoop.REACH_CUSTOMER);
            assertThat(breach.assigneeAtBreach()).isNull();
        }

        @Test
        void aCustomerReachedInTimeIsNeverBreached() {
            ProcessInstance loop = openDetractor();
            reach(loop, fiona);

            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
            runDueJobs();

            assertThat(loop).isWaitingAt(ClosedLoop.LOG_RESOLUTION).hasNotPassed(ClosedLoop.RECORD_BREACH);
            assertThat(breaches.ofCase(caseOf(loop))).isEmpty();
        }

        @Test
        void theSupervisorReassignsTheContactToAColleague() {
            ProcessInstance loop = openDetractor();
            taskwork.claim(contactTask(loop).getId(), fiona);
            breachSla(loop);

            review(
                    loop,
                    Map.of(
                            Vars.ESCALATION_DECISION,
                            "reassign",
                            Vars.REASSIGN_TO,
                            "frank",
                            Vars.ESCALATION_REASON,
                            "Fiona is on leave"));

            assertThat(contactTask(loop)).isAssignedTo("frank");
            assertThat(loop).hasPassed(ClosedLoop.REASSIGN_CONTACT, ClosedLoop.ESCALATION_HANDLED);
            BreachRecord breach = breaches.ofCase(caseOf(loop)).get(0);
            assertThat(breach.acknowledgedBy()).isEqualTo("sam");
            assertThat(breach.decision()).isEqualTo("reassign");
            assertThat(breach.decisionReason()).isEqualTo("Fiona is on leave");
            // later attempts stay with Frank too
            attempt(loop, frank, Channel.PHONE, ContactOutcome.NO_ANSWER);
            waitForRetry(loop);
            assertThat(contactTask(loop)).isAssignedTo("frank");
        }

        @Test
        void theSupervisorReassignsTheContactToAnotherGroup() {
            ProcessInstance loop = openDetractor();
            breachSla(loop);

            review(
                    loop,
                    Map.of(
                            Vars.ESCALATION_DECISION,
                            "reassign",
                            Vars.REASSIGN_TO,
                            "frontline",
                            Vars.ESCALATION_REASON,
                            "EMEA team overloaded"));

            assertThat(contactTask(loop)).hasCandidateGroup("frontline").isNotAssigned();
            assertThat(tasks.getIdentityLinksForTask(contactTask(loop).getId()))
                    .noneMatch(link -> "team-emea".equals(link.getGroupId()));
        }

        @Test
        void reassigningToSomeoneWhoDoesNotExistIsRefusedAndTheReviewStaysOpen() {
            ProcessInstance loop = openDetractor();
            breachSla(loop);
            Task review = task(loop, ClosedLoop.REVIEW_ESCALATION);
            taskwork.claim(review.getId(), sam);

            assertThatThrownBy(() -> taskwork.completeTask(
                            review.getId(),
                            Map.of(
                                    Vars.ESCALATION_DECISION,
                                    "reassign",
                                    Vars.REASSIGN_TO,
                                    "nobody",
                                    Vars.ESCALATION_REASON,
                                    "x"),
                            sam))
                    .isInstanceOf(InvalidTaskInput.class)
                    .hasMessageContaining("names no user or group: nobody");

            assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER, ClosedLoop.REVIEW_ESCALATION);
            assertThat(breaches.ofCase(caseOf(loop)).get(0).acknowledgedBy()).isNull();
        }

        @Test
        void theSupervisorTakesTheContactOver() {
            ProcessInstance loop = openDetractor();
            breachSla(loop);

            review(loop, Map.of(Vars.ESCALATION_DECISION, "take-over", Vars.ESCALATION_REASON, "VIP, I call myself"));

            assertThat(contactTask(loop)).isAssignedTo("sam");
            assertThat(loop).hasPassed(ClosedLoop.TAKE_OVER_CONTACT);
        }

        @Test
        void anExtensionMovesTheDueTimeAndBreachesAgainIfStillNobodyCalled() {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            breachSla(loop);

            review(
                    loop,
                    Map.of(
                            Vars.ESCALATION_DECISION,
                            "extend",
                            Vars.EXTENDED_DUE_AT,
                            "2026-11-26T12:00",
                            Vars.ESCALATION_REASON,
                            "Customer asked to be called Thursday"));

            Instant extended = Instant.parse("2026-11-26T11:00:00Z"); // 12:00 on Madrid's clock
            assertThat(contactTask(loop).getDueDate().toInstant()).isEqualTo(extended);
            assertThat(breaches.extensionsOf(caseId)).singleElement().satisfies(e -> {
                assertThat(e.newDue()).isEqualTo(extended);
                assertThat(e.reason()).isEqualTo("Customer asked to be called Thursday");
                assertThat(e.extendedBy()).isEqualTo("sam");
            });
            assertThat(timer(loop, ClosedLoop.EXTENDED_DUE_REACHED).getDuedate().toInstant())
                    .isEqualTo(extended);

            ClockUtil.setCurrentTime(Date.from(extended.plusSeconds(1)));
            runDueJobs();

            assertThat(breaches.ofCase(caseId)).hasSize(2);
            assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER, ClosedLoop.REVIEW_ESCALATION);
        }

        @Test
        void anExtensionThatIsMetEndsTheEscalationQuietly() {
            ProcessInstance loop = openDetractor();
            breachSla(loop);
            review(
                    loop,
                    Map.of(
                            Vars.ESCALATION_DECISION,
                            "extend",
                            Vars.EXTENDED_DUE_AT,
                            "2026-11-26T12:00:00Z",
                            Vars.ESCALATION_REASON,
                            "Asked for Thursday"));
            reach(loop, fiona);

            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T12:00:01Z")));
            runDueJobs();

            assertThat(loop)
                    .hasPassed(ClosedLoop.CHECK_CONTACT_STATUS, "EndEvent_ExtensionMet")
                    .isWaitingAt(ClosedLoop.LOG_RESOLUTION);
            assertThat(breaches.ofCase(caseOf(loop))).hasSize(1);
        }

        @Test
        void anExtensionIntoThePastIsRefused() {
            ProcessInstance loop = openDetractor();
            breachSla(loop);
            Task review = task(loop, ClosedLoop.REVIEW_ESCALATION);
            taskwork.claim(review.getId(), sam);

            assertThatThrownBy(() -> taskwork.completeTask(
                            review.getId(),
                            Map.of(
                                    Vars.ESCALATION_DECISION,
                                    "extend",
                                    Vars.EXTENDED_DUE_AT,
                                    "2026-11-01T12:00",
                                    Vars.ESCALATION_REASON,
                                    "oops"),
                            sam))
                    .isInstanceOf(InvalidTaskInput.class)
                    .hasMessageContaining("must be in the future");
        }

        @Test
        void aSupervisorCanAcknowledgeWithoutChangingAnything() {
            ProcessInstance loop = openDetractor();
            breachSla(loop);

            review(loop, Map.of(Vars.ESCALATION_DECISION, "acknowledge", Vars.ESCALATION_REASON, "Seen"));

            assertThat(loop).hasPassed(ClosedLoop.ESCALATION_HANDLED).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(breaches.ofCase(caseOf(loop)).get(0).decision()).isEqualTo("acknowledge");
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class SystemicFix {

        @Test
        void aSystemicCauseWaitsForTheFixAndTheCustomerHearsWhenItIsReleased() throws Exception {
            UUID action = improvements.create(
                    new NewImprovement(
                            "Automate refund approvals",
                            "No more queue",
                            "billing",
                            "paula",
                            MONDAY_10AM_MADRID.plus(Duration.ofDays(14))),
                    paula);
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            runDueJobs();
            reach(loop, fiona);
            taskwork.completeTask(
                    task(loop, ClosedLoop.LOG_RESOLUTION).getId(),
                    resolution("billing", true, action.toString()),
                    fiona);

            assertThat(loop).isWaitingAt(ClosedLoop.AWAIT_FIX).hasPassed(ClosedLoop.LINK_IMPROVEMENT_ACTION);
            assertThat(improvements.linkedCases(action)).containsExactly(caseId);

            ProcessInstance improvement = improvementProcess(action);
            completeAs(
                    improvement,
                    ImprovementProcess.IMPLEMENT,
                    "paula",
                    Map.of(ImprovementProcess.Vars.IMPLEMENTATION_SUMMARY, "Approvals automated"));
            completeAs(
                    improvement,
                    ImprovementProcess.VERIFY_FIX,
                    "paula",
                    Map.of(
                            ImprovementProcess.Vars.VERIFICATION,
                            "verified",
                            ImprovementProcess.Vars.VERIFICATION_NOTES,
                            "Ten refunds went through"));
            mail.purge();
            assertThat(improvement).isWaitingAt(ImprovementProcess.ANNOUNCE_FIX);
            announce(improvement);

            assertThat(improvement).isEnded().hasPassed(ImprovementProcess.ANNOUNCE_FIX);
            assertThat(improvements.find(action).orElseThrow().status()).isEqualTo(ImprovementStatus.ANNOUNCED);
            assertThat(loop).isWaitingAt(ClosedLoop.NOTIFY_CUSTOMER_OF_FIX);
            runDueJobs();

            assertThat(loop)
                    .isEnded()
                    .hasPassed(ClosedLoop.FIX_RELEASED, ClosedLoop.NOTIFY_CUSTOMER_OF_FIX, ClosedLoop.LOOP_CLOSED);
            assertThat(mail.subjectsFor(CUSTOMER_EMAIL)).hasSize(1);
            assertThat(MailServer.part(mail.allReceivedBy(CUSTOMER_EMAIL).get(0), "text/plain"))
                    .contains("Automate refund approvals");
            assertThat(casework.find(caseId).orElseThrow().closedAs()).isEqualTo(CaseOutcome.RESOLVED);
        }

        @Test
        void aFixReleasedBeforeTheCaseIsLinkedIsToldRightAway() {
            UUID action = improvements.create(
                    new NewImprovement(
                            "Fix the hotline queue",
                            null,
                            "service-failure",
                            "paula",
                            MONDAY_10AM_MADRID.plus(Duration.ofDays(3))),
                    paula);
            ProcessInstance improvement = improvementProcess(action);
            completeAs(
                    improvement,
                    ImprovementProcess.IMPLEMENT,
                    "paula",
                    Map.of(ImprovementProcess.Vars.IMPLEMENTATION_SUMMARY, "More agents"));
            completeAs(
                    improvement,
                    ImprovementProcess.VERIFY_FIX,
                    "paula",
                    Map.of(
                            ImprovementProcess.Vars.VERIFICATION,
                            "verified",
                            ImprovementProcess.Vars.VERIFICATION_NOTES,
                            "ok"));
            announce(improvement);

            ProcessInstance loop = openDetractor();
            reach(loop, fiona);
            taskwork.completeTask(
                    task(loop, ClosedLoop.LOG_RESOLUTION).getId(),
                    resolution("service-failure", true, action.toString()),
                    fiona);

            assertThat(loop).isWaitingAt(ClosedLoop.NOTIFY_CUSTOMER_OF_FIX).hasNotPassed(ClosedLoop.FIX_RELEASED);
        }

        @Test
        void aFixThatTakesTooLongChasesTheProcessOwnersAndKeepsWaiting() {
            UUID action = improvements.create(
                    new NewImprovement(
                            "Rebuild billing", null, "billing", "paula", MONDAY_10AM_MADRID.plus(Duration.ofDays(90))),
                    paula);
            ProcessInstance loop = openDetractor();
            reach(loop, fiona);
            taskwork.completeTask(
                    task(loop, ClosedLoop.LOG_RESOLUTION).getId(),
                    resolution("billing", true, action.toString()),
                    fiona);

            ClockUtil.setCurrentTime(Date.from(MONDAY_10AM_MADRID.plus(Duration.ofDays(31))));
            runDueJobs();

            assertThat(loop)
                    .hasPassed(ClosedLoop.FIX_OVERDUE, ClosedLoop.CHASE_IMPROVEMENT_ACTION)
                    .isWaitingAt(ClosedLoop.AWAIT_FIX);
            assertThat(alerts(caseOf(loop), "late-improvement"))
                    .containsExactly("process-owners:Still waiting on: Rebuild billing");
        }

        @Test
        void aSystemicResolutionMustNameAnExistingAction() {
            ProcessInstance loop = openDetractor();
            reach(loop, fiona);
            Task resolution = task(loop, ClosedLoop.LOG_RESOLUTION);

            assertThatThrownBy(() -> taskwork.completeTask(
                            resolution.getId(),
                            resolution("billing", true, UUID.randomUUID().toString()),
                            fiona))
                    .isInstanceOf(InvalidTaskInput.class)
                    .hasMessageContaining("names no improvement action");
            assertThatThrownBy(
                            () -> taskwork.completeTask(resolution.getId(), resolution("billing", true, null), fiona))
                    .isInstanceOf(InvalidTaskInput.class)
                    .hasMessageContaining("improvementActionId is required");
            assertThat(loop).isWaitingAt(ClosedLoop.LOG_RESOLUTION);
        }

        @Test
        void aFixThatDoesNotWorkGoesBackToItsOwner() {
            UUID action = improvements.create(
                    new NewImprovement(
                            "Fix the app crash",
                            null,
                            "product-defect",
                            "paula",
                            MONDAY_10AM_MADRID.plus(Duration.ofDays(7))),
                    paula);
            ProcessInstance improvement = improvementProcess(action);
            completeAs(
                    improvement,
                    ImprovementProcess.IMPLEMENT,
                    "paula",
                    Map.of(ImprovementProcess.Vars.IMPLEMENTATION_SUMMARY, "Patched"));

            completeAs(
                    improvement,
                    ImprovementProcess.VERIFY_FIX,
                    "paula",
                    Map.of(
                            ImprovementProcess.Vars.VERIFICATION,
                            "not-fixed",
                            ImprovementProcess.Vars.VERIFICATION_NOTES,
                            "Still crashes on Android"));

            assertThat(improvement).isWaitingAt(ImprovementProcess.IMPLEMENT);
            assertThat(task(improvement, ImprovementProcess.IMPLEMENT)).isAssignedTo("paula");
            assertThat(improvements.find(action).orElseThrow().status()).isEqualTo(ImprovementStatus.OPEN);
        }

        @Test
        void aMissedImprovementDeadlineEscalatesToTheOwnerAndTheProcessOwners() {
            UUID action = improvements.create(
                    new NewImprovement(
                            "Shorter hold times",
                            null,
                            "service-failure",
                            "paula",
                            MONDAY_10AM_MADRID.plus(Duration.ofDays(5))),
                    paula);
            ProcessInstance improvement = improvementProcess(action);

            ClockUtil.setCurrentTime(
                    Date.from(MONDAY_10AM_MADRID.plus(Duration.ofDays(5)).plusSeconds(1)));
            runDueJobs();

            assertThat(improvement)
                    .hasPassed(ImprovementProcess.ESCALATE_LATE, ImprovementProcess.LATENESS_ESCALATED)
                    .isWaitingAt(ImprovementProcess.IMPLEMENT);
            assertThat(db.queryForList(
                            "select coalesce(target_user, target_group) from staff_alert "
                                    + "where kind = 'late-improvement' and subject like '%Shorter hold times%'",
                            String.class))
                    .containsExactlyInAnyOrder("paula", "process-owners");
        }

        @Test
        void anImprovementActionNeedsAnOwnerWhoExistsAndADeadlineAhead() {
            assertThatThrownBy(() -> improvements.create(
                            new NewImprovement("x", null, null, "nobody", MONDAY_10AM_MADRID.plus(Duration.ofDays(1))),
                            paula))
                    .hasMessageContaining("No user nobody");
            assertThatThrownBy(() -> improvements.create(
                            new NewImprovement("x", null, null, "paula", MONDAY_10AM_MADRID.minus(Duration.ofDays(1))),
                            paula))
                    .hasMessageContaining("in the future");
        }
    }

    // --- driving the process -----------------------------------------------------------------------

    ProcessInstance open(ResponseSubmission response) {
        UUID caseId = intake.receive(response).caseId();
        ProcessInstance loop = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        instances.add(loop.getId());
        return loop;
    }

    /** A standard EMEA detractor with a phone, an email address and a phone that takes SMS. */
    ProcessInstance openDetractor() {
        return open(TestResponses.customer(
                3,
                "Maria Lopez",
                "standard",
                "EMEA",
                CUSTOMER_EMAIL,
                "+34 600 123 456",
                "Nobody could tell me where my refund is"));
    }

    static UUID caseOf(ProcessInstance loop) {
        return UUID.fromString(loop.getBusinessKey());
    }

    void reach(ProcessInstance loop, Actor agent) {
        attempt(loop, agent, Channel.PHONE, ContactOutcome.REACHED);
    }

    void attempt(ProcessInstance loop, Actor agent, Channel channel, ContactOutcome outcome) {
        attempt(loop, agent, channel, outcome, false);
    }

    /** Claims the open contact task (as a lead if need be) and logs the attempt. */
    void attempt(ProcessInstance loop, Actor agent, Channel channel, ContactOutcome outcome, boolean lastOne) {
        Task contact = contactTask(loop);
        if (contact.getAssignee() == null) {
            taskwork.claim(contact.getId(), agent);
        }
        casework.completeContact(
                contact.getId(),
                new ContactReport(channel, outcome, "attempt"),
                contact.getAssignee() == null ? agent : new Actor(contact.getAssignee(), agent.groups()));
        if (!lastOne && outcome != ContactOutcome.REACHED) {
            runDueJobs();
        }
    }

    /** Runs the async retry outreach and lets the retry timer pass. */
    void waitForRetry(ProcessInstance loop) {
        runDueJobs();
        Job retry = timer(loop, ClosedLoop.RETRY_DUE);
        ClockUtil.setCurrentTime(Date.from(retry.getDuedate().toInstant().plusSeconds(1)));
        runDueJobs();
    }

    void breachSla(ProcessInstance loop) {
        Job breach = timer(loop, ClosedLoop.SLA_BREACHED);
        ClockUtil.setCurrentTime(Date.from(breach.getDuedate().toInstant().plusSeconds(1)));
        runDueJobs();
    }

    void review(ProcessInstance loop, Map<String, Object> decision) {
        Task review = task(loop, ClosedLoop.REVIEW_ESCALATION);
        taskwork.claim(review.getId(), sam);
        taskwork.completeTask(review.getId(), decision, sam);
    }

    void completeAs(ProcessInstance instance, String taskKey, String user, Map<String, Object> values) {
        Task task = task(instance, taskKey);
        tasks.claim(task.getId(), user);
        tasks.complete(task.getId(), values);
    }

    static Map<String, Object> resolution(String rootCause, boolean systemic, String action) {
        Map<String, Object> values = new HashMap<>();
        values.put(Vars.RESOLUTION_SUMMARY, "Refund was stuck; pushed it through and apologised");
        values.put(Vars.ROOT_CAUSE, rootCause);
        values.put(Vars.why(1), "Refund stuck");
        values.put(Vars.why(2), "Manual approval queue");
        values.put(Vars.FIXED_NOW, true);
        values.put(Vars.SYSTEMIC, systemic);
        values.put(Vars.IMPROVEMENT_ACTION_ID, action);
        return values;
    }

    /** Executes every job of this test's instances that is due now (async steps, timers), and what they start. */
    /** Runs the improvement action's "Announce fix" job (asynchronous, like every step that talks to customers). */
    void announce(ProcessInstance improvement) {
        management
                .createJobQuery()
                .processInstanceId(improvement.getId())
                .activityId(ImprovementProcess.ANNOUNCE_FIX)
                .list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = instances.stream()
                    .flatMap(id -> management.createJobQuery().processInstanceId(id).executable().list().stream())
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming: a loop in the model?");
    }

    void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(duration)));
    }

    Task contactTask(ProcessInstance loop) {
        return task(loop, ClosedLoop.CONTACT_CUSTOMER);
    }

    Task task(ProcessInstance instance, String taskKey) {
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    Job timer(ProcessInstance instance, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
    }

    ProcessInstance improvementProcess(UUID action) {
        ProcessInstance improvement = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ImprovementProcess.PROCESS_ID)
                .processInstanceBusinessKey(action.toString())
                .singleResult();
        instances.add(improvement.getId());
        return improvement;
    }

    List<String> attempts(UUID caseId) {
        return db
                .queryForList(
                        "select attempt_no, channel, outcome, agent from contact_attempt where case_id = ? "
                                + "order by attempt_no",
                        caseId.toString())
                .stream()
                .map(row -> row.get("ATTEMPT_NO") + ":" + row.get("CHANNEL") + ":" + row.get("OUTCOME") + ":"
                        + row.get("AGENT"))
                .toList();
    }

    List<String> deliveries(UUID caseId) {
        return outreach.deliveriesOf(caseId).stream()
                .filter(d -> d.step() != null)
                .map(d -> d.step() + ":" + d.status())
                .toList();
    }

    List<String> alerts(UUID caseId, String kind) {
        return db
                .queryForList(
                        "select coalesce(target_user, target_group) as target, subject from staff_alert "
                                + "where case_id = ? and kind = ? order by created_at",
                        caseId.toString(),
                        kind)
                .stream()
                .map(row -> row.get("TARGET") + ":" + row.get("SUBJECT"))
                .toList();
    }
}
