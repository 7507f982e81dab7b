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
import dev.loopkeeper.intake.IntakeResult;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.outreach.AlertPreference;
import dev.loopkeeper.outreach.AlertPreferences;
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
    AlertPreferences preferences;

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
        db.update("delete from alert_subscription");
        db.update("delete from alert_preference");
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
        void aCustomerWhoAnsweredInGermanIsThankedInGermanAndOneInAnUnknownLanguageInEnglish() throws Exception {
            ProcessInstance german = open(TestResponses.response(10)
                    .name("Hanna Huber")
                    .email(CUSTOMER_EMAIL)
                    .phone(null)
                    .language("de-AT")
                    .build());
            ProcessInstance unknown = open(TestResponses.response(10)
                    .name("Ines Inconnue")
                    .email("ines@example.com")
                    .phone(null)
                    .language("../../fr")
                    .build());

            runDueJobs();

            assertThat(mail.subjectsFor(CUSTOMER_EMAIL)).containsExactly("Vielen Dank für Ihre Empfehlung");
            assertThat(mail.subjectsFor("ines@example.com")).containsExactly("Thank you for recommending us");
            assertThat(outreach.deliveriesOf(caseOf(german)))
                    .extracting(d -> d.template())
                    .containsExactly("de/thank-you-promoter");
            assertThat(outreach.deliveriesOf(caseOf(unknown)))
                    .extracting(d -> d.template())
                    .containsExactly("thank-you-promoter");
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

            assertThat(loop).hasPassed(ClosedLoop.ACKNOWLEDGE);
            assertThat(alerts(caseOf(loop), "recognition")).containsExactly("sam:Praising Pia praised Jonas Weber");
        }

        @Test
        void praiseForALocationATeamOrAProcessGoesToItsManager() {
            ProcessInstance loop = open(TestResponses.response(10)
                    .name("Praising Pia")
                    .comment("The installation team came on time, the Berlin shop was lovely and the refund"
                            + " process painless")
                    .build());

            runDueJobs();

            assertThat(alerts(caseOf(loop), "recognition"))
                    .containsExactlyInAnyOrder(
                            "sam:Praising Pia praised the Installation team (team)",
                            "sam:Praising Pia praised the Berlin store (location)",
                            "paula:Praising Pia praised the Returns (process)");
        }

        @Test
        void theFirstAttemptUsesTheChannelTheCustomerPrefers() {
            ProcessInstance loop =
                    open(TestResponses.response(3).preferred(Channel.EMAIL).build());

            assertThat(loop).variables().containsEntry(Vars.CHANNEL, "email");
            assertThat(tasks.getVariables(contactTask(loop).getId())).containsEntry(Vars.CHANNEL_USED, "email");
        }

        @Test
        void aPreferredChannelWithoutAnAddressGivesWayToThePolicysOrder() {
            ProcessInstance loop = open(
                    TestResponses.response(3).phone(null).preferred(Channel.SMS).build());

            // phone first by the policy, but there is no number: the next channel of the order
            assertThat(loop).variables().containsEntry(Vars.CHANNEL, "email");
        }

        @Test
        void retriesFollowThePolicysChannelOrder() {
            // passives: email, then SMS, then phone
            ProcessInstance loop = open(TestResponses.response(7).region("US").build());
            assertThat(loop).variables().containsEntry(Vars.CHANNEL, "email");

            attempt(loop, fiona, Channel.EMAIL, ContactOutcome.NO_ANSWER);

            assertThat(loop).variables().containsEntry(Vars.CHANNEL, "sms");
        }

        @Test
        void aHighValueDetractorIsTriedAgainAfterTheShorterWaitThePolicyGives() {
            ProcessInstance loop = open(TestResponses.response(2).tier("gold").build());

            attempt(loop, fiona, Channel.PHONE, ContactOutcome.NO_ANSWER);

            // 24 business hours for them, 48 for other detractors: Tuesday 10:00 Madrid
            assertThat(timer(loop, ClosedLoop.RETRY_DUE).getDuedate().toInstant())
                    .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        }

        @Test
        void aHighValuePromoterIsTriedAsOftenAsThePolicySaysAndNoMore() {
            ProcessInstance loop = open(TestResponses.response(9).tier("gold").build());

            attempt(loop, fiona, Channel.PHONE, ContactOutcome.NO_ANSWER);
            waitForRetry(loop);
            attempt(loop, fiona, Channel.EMAIL, ContactOutcome.NO_ANSWER);

            // two attempts for them, three for detractors
            assertThat(loop).hasPassed(ClosedLoop.MARK_UNREACHABLE).hasNotPassed(ClosedLoop.THANK_PROMOTER);
            assertThat(attempts(caseOf(loop))).hasSize(2);
            assertThat(casework.find(caseOf(loop)).orElseThrow().closedAs()).isEqualTo(CaseOutcome.UNREACHABLE);
        }

        @Test
        void aHighValueDetractorGetsACallButNoAutomaticApology() throws Exception {
            ProcessInstance loop = open(TestResponses.response(1).tier("gold").build());

            runDueJobs();

            assertThat(loop).hasPassed(ClosedLoop.ACKNOWLEDGE).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(mail.subjectsFor(CUSTOMER_EMAIL)).isEmpty();
            assertThat(alerts(caseOf(loop), "new-case")).hasSize(1);
        }

        @Test
        void aTestSendGetsNoFollowUpAndItsCaseClosesAtOnce() throws Exception {
            ProcessInstance loop =
                    open(TestResponses.response(2).touchpoint("test").build());
            UUID caseId = caseOf(loop);

            runDueJobs();

            assertThat(loop)
                    .isEnded()
                    .hasPassed(ClosedLoop.CLOSE_WITHOUT_FOLLOW_UP, ClosedLoop.NO_FOLLOW_UP)
                    .hasNotPassed(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(casework.find(caseId).orElseThrow().closedAs()).isEqualTo(CaseOutcome.NO_FOLLOW_UP);
            assertThat(mail.subjectsFor(CUSTOMER_EMAIL)).isEmpty();
            assertThat(alerts(caseId, "new-case")).isEmpty();
            assertThat(db.queryForObject(
                            "select touchpoint from follow_up_case where id = ?", String.class, caseId.toString()))
                    .isEqualTo("test");
        }

        @Test
        void aDetractorWhoDeclinedContactIsRecordedAndItsOwnersAlertedButNobodyCallsOrWritesToThem() throws Exception {
            ProcessInstance loop =
                    open(TestResponses.response(2).mayContact(false).build());
            UUID caseId = caseOf(loop);

            runDueJobs();

            assertThat(loop)
                    .isEnded()
                    .hasPassed(ClosedLoop.ACKNOWLEDGE, ClosedLoop.CLOSE_WITHOUT_FOLLOW_UP, ClosedLoop.NO_FOLLOW_UP)
                    .hasNotPassed(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(casework.find(caseId).orElseThrow().closedAs()).isEqualTo(CaseOutcome.NO_FOLLOW_UP);
            assertThat(db.queryForObject(
                            "select closed_reason from follow_up_case where id = ?", String.class, caseId.toString()))
                    .isEqualTo("customer declined contact");
            assertThat(mail.subjectsFor(CUSTOMER_EMAIL))
                    .as("not even an acknowledgement")
                    .isEmpty();
            assertThat(alerts(caseId, "new-case"))
                    .singleElement()
                    .asString()
                    .endsWith("Maria Lopez (declined contact: do not call)");
        }

        @Test
        void aPromoterWhoDeclinedContactIsNotSentTheAutomaticThankYou() throws Exception {
            ProcessInstance loop =
                    open(TestResponses.response(10).mayContact(false).build());

            runDueJobs();

            assertThat(loop)
                    .isEnded()
                    .hasPassed(ClosedLoop.CLOSE_WITHOUT_FOLLOW_UP)
                    .hasNotPassed(ClosedLoop.SEND_THANK_YOU, ClosedLoop.CONTACT_CUSTOMER);
            assertThat(mail.subjectsFor(CUSTOMER_EMAIL)).isEmpty();
        }

        @Test
        void aDetractorWhoSaidWeMayContactThemIsCalledAsAnyOther() throws Exception {
            ProcessInstance loop =
                    open(TestResponses.response(2).mayContact(true).build());

            runDueJobs();

            assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(db.queryForObject(
                            "select closed_reason from follow_up_case where id = ?",
                            String.class,
                            caseOf(loop).toString()))
                    .isNull();
        }

        @Test
        void aPassiveAskedAfterAPurchaseIsThankedAutomaticallyWithoutACall() throws Exception {
            ProcessInstance loop =
                    open(TestResponses.response(8).touchpoint("purchase").build());
            UUID caseId = caseOf(loop);

            runDueJobs();

            assertThat(loop)
                    .isEnded()
                    .hasPassed(ClosedLoop.SEND_THANK_YOU, ClosedLoop.LOOP_CLOSED)
                    .hasNotPassed(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(casework.find(caseId).orElseThrow().closedAs()).isEqualTo(CaseOutcome.THANKED);
            assertThat(mail.subjectsFor(CUSTOMER_EMAIL)).containsExactly("Thank you for your feedback");
        }

        @Test
        void aPromotersThankYouInvitesToWhatThePolicyNames() throws Exception {
            ProcessInstance loop =
                    open(TestResponses.response(10).comment("Great").build());
            // as a policy that invites to a review only would have decided
            runtime.setVariable(loop.getId(), Vars.INVITE, "review");

            runDueJobs();

            String text = MailServer.part(mail.allReceivedBy(CUSTOMER_EMAIL).get(0), "text/plain");
            assertThat(text).contains("reviews.example.com").doesNotContain("loopkeeper.example/refer");
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Promises {

        @Test
        void aPromisedNextContactHoldsThePointOfContactToItWhileTheResolutionIsOpen() {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            reachWith(loop, fiona, Map.of(Vars.NEXT_CONTACT_AT, "2026-11-25T10:00", Vars.POINT_OF_CONTACT, "frank"));

            Instant promised = Instant.parse("2026-11-25T09:00:00Z"); // 10:00 on Madrid's clock
            assertThat(loop).isWaitingAt(ClosedLoop.LOG_RESOLUTION, ClosedLoop.PROMISED_CONTACT_DUE);
            assertThat(timer(loop, ClosedLoop.PROMISED_CONTACT_DUE).getDuedate().toInstant())
                    .isEqualTo(promised);
            assertThat(db.queryForMap(
                            "select promised_contact_at, point_of_contact from follow_up_case where id = ?",
                            caseId.toString()))
                    .containsEntry("POINT_OF_CONTACT", "frank");

            ClockUtil.setCurrentTime(Date.from(promised.plusSeconds(1)));
            runDueJobs();

            assertThat(loop).hasPassed(ClosedLoop.REMIND_POINT_OF_CONTACT).isWaitingAt(ClosedLoop.LOG_RESOLUTION);
            assertThat(alerts(caseId, "promise-due"))
                    .containsExactly("frank:You promised Maria Lopez to be in touch by now");
        }

        @Test
        void loggingTheResolutionBeforeThePromiseEndsTheWait() {
            ProcessInstance loop = openDetractor();
            runDueJobs();
            reachWith(loop, fiona, Map.of(Vars.NEXT_CONTACT_AT, "2026-11-25T10:00"));

            taskwork.completeTask(
                    task(loop, ClosedLoop.LOG_RESOLUTION).getId(), resolution("billing", false, null), fiona);

            assertThat(loop)
                    .isEnded()
                    .hasPassed(ClosedLoop.RESOLUTION_LOGGED, ClosedLoop.LOOP_CLOSED)
                    .hasNotPassed(ClosedLoop.REMIND_POINT_OF_CONTACT);
            assertThat(management
                            .createJobQuery()
                            .processInstanceId(loop.getId())
                            .count())
                    .isZero();
        }

        @Test
        void aPromiseInThePastOrToNobodyIsRefusedAndTheContactStaysOpen() {
            ProcessInstance loop = openDetractor();
            Task contact = contactTask(loop);
            taskwork.claim(contact.getId(), fiona);

            assertThatThrownBy(() -> taskwork.completeTask(
                            contact.getId(), reached(Map.of(Vars.NEXT_CONTACT_AT, "2026-11-20T10:00")), fiona))
                    .isInstanceOf(InvalidTaskInput.class)
                    .hasMessageContaining("must be in the future");
            assertThatThrownBy(() -> taskwork.completeTask(
                            contact.getId(),
                            reached(Map.of(Vars.NEXT_CONTACT_AT, "2026-11-25T10:00", Vars.POINT_OF_CONTACT, "nobody")),
                            fiona))
                    .isInstanceOf(InvalidTaskInput.class)
                    .hasMessageContaining("names no user: nobody");

            assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(attempts(caseOf(loop))).isEmpty();
        }

        @Test
        void aRemedyIsRecordedWithTheAttemptAndItsAmount() {
            ProcessInstance loop = openDetractor();

            reachWith(loop, fiona, Map.of(Vars.REMEDY_TYPE, "credit", Vars.REMEDY_AMOUNT, 25.5));

            assertThat(db.queryForMap(
                            "select remedy_type, remedy_amount from contact_attempt where case_id = ?",
                            caseOf(loop).toString()))
                    .containsEntry("REMEDY_TYPE", "credit")
                    .satisfies(row -> assertThat(((Number) row.get("REMEDY_AMOUNT")).doubleValue())
                            .isEqualTo(25.5));
        }

        @Test
        void aRemedyNeedsItsAmount() {
            ProcessInstance loop = openDetractor();
            Task contact = contactTask(loop);
            taskwork.claim(contact.getId(), fiona);

            assertThatThrownBy(() ->
                            taskwork.completeTask(contact.getId(), reached(Map.of(Vars.REMEDY_TYPE, "refund")), fiona))
                    .isInstanceOfSatisfying(
                            InvalidTaskInput.class,
                            e -> assertThat(e.problems())
                                    .extracting(FieldProblem::field)
                                    .containsExactly(Vars.REMEDY_AMOUNT));
            assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Repeats {

        @Test
        void aLowScoreAgainWhileTheCaseIsOpenJoinsItRaisesItsPriorityAndTellsSupervisors() {
            String customer = "C-" + UUID.randomUUID();
            ProcessInstance loop =
                    open(TestResponses.response(3).customerId(customer).build());
            UUID caseId = caseOf(loop);

            ResponseSubmission again = TestResponses.response(2)
                    .customerId(customer)
                    .comment("Still nothing")
                    .build();
            IntakeResult joined = intake.receive(again);

            assertThat(joined.caseId()).isEqualTo(caseId);
            assertThat(joined.created()).isTrue();
            assertThat(runtime.createProcessInstanceQuery()
                            .processDefinitionKey(ClosedLoop.PROCESS_ID)
                            .variableValueEquals(Vars.CASE_ID, caseId.toString())
                            .count())
                    .isOne();
            assertThat(db.queryForObject(
                            "select case_id from feedback_response where source_event_id = ?",
                            String.class,
                            again.sourceEventId()))
                    .isEqualTo(caseId.toString());
            assertThat(db.queryForObject(
                            "select priority from follow_up_case where id = ?", String.class, caseId.toString()))
                    .isEqualTo("HIGH");
            assertThat(contactTask(loop).getPriority()).isEqualTo(CasePriority.HIGH.taskPriority());

            runDueJobs();

            assertThat(loop).hasPassed(ClosedLoop.ALERT_SUPERVISORS_OF_REPEAT).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(alerts(caseId, "repeat-detractor"))
                    .containsExactly("supervisors:Maria Lopez scored 2 again while the case is open");
            // the same post again answers with the same case
            assertThat(intake.receive(again)).isEqualTo(new IntakeResult(caseId, false));
        }

        @Test
        void aCustomerNobodyEverReachedOpensAHighPriorityCaseAndSupervisorsHear() {
            String customer = "C-" + UUID.randomUUID();
            ProcessInstance first = open(
                    TestResponses.response(4).customerId(customer).email(null).build());
            attempt(first, fiona, Channel.PHONE, ContactOutcome.WRONG_CONTACT_DETAILS, true);
            assertThat(casework.find(caseOf(first)).orElseThrow().closedAs()).isEqualTo(CaseOutcome.UNREACHABLE);

            ProcessInstance second =
                    open(TestResponses.response(1).customerId(customer).build());
            runDueJobs();

            assertThat(caseOf(second)).isNotEqualTo(caseOf(first));
            assertThat(contactTask(second).getPriority()).isEqualTo(CasePriority.HIGH.taskPriority());
            assertThat(alerts(caseOf(second), "repeat-detractor"))
                    .containsExactly("supervisors:Maria Lopez scored 1 and was never reached before");
        }

        @Test
        void aPromotersOpenCaseTakesNoComplaint() {
            String customer = "C-" + UUID.randomUUID();
            ProcessInstance thanks = open(
                    TestResponses.response(9).customerId(customer).tier("gold").build());

            ProcessInstance complaint =
                    open(TestResponses.response(2).customerId(customer).build());

            assertThat(caseOf(complaint)).isNotEqualTo(caseOf(thanks));
            assertThat(contactTask(complaint).getPriority()).isEqualTo(CasePriority.NORMAL.taskPriority());
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
    class BeforeTheBreach {

        @Test
        void at80PercentOfTheSlaWhoeverHoldsTheContactIsWarnedAndTheGroupSeesIt() throws Exception {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            taskwork.claim(contactTask(loop).getId(), fiona);
            runDueJobs();
            mail.purge();
            Instant due = timer(loop, ClosedLoop.SLA_BREACHED).getDuedate().toInstant();
            Instant warnAt = timer(loop, ClosedLoop.SLA_WARNING).getDuedate().toInstant();
            assertThat(Duration.between(MONDAY_10AM_MADRID, warnAt))
                    .isEqualTo(Duration.between(MONDAY_10AM_MADRID, due)
                            .multipliedBy(80)
                            .dividedBy(100));

            ClockUtil.setCurrentTime(Date.from(warnAt.plusSeconds(1)));
            runDueJobs();

            assertThat(loop)
                    .hasPassed(ClosedLoop.WARN_BEFORE_BREACH, ClosedLoop.BREACH_WARNED)
                    .isWaitingAt(ClosedLoop.CONTACT_CUSTOMER)
                    .hasNotPassed(ClosedLoop.RECORD_BREACH);
            assertThat(alerts(caseId, "sla-warning"))
                    .hasSize(2)
                    .anySatisfy(alert -> assertThat(alert).startsWith("fiona:SLA running out"))
                    .anySatisfy(alert -> assertThat(alert).startsWith("team-emea:SLA running out"));
            assertThat(mail.subjectsFor("fiona@loopkeeper.example"))
                    .singleElement()
                    .asString()
                    .startsWith("[Loopkeeper] SLA running out");
            assertThat(mail.subjectsFor("frank@loopkeeper.example")).isEmpty();
        }

        @Test
        void aClaimedContactUntouchedForTheIdlePeriodGoesBackToItsGroup() {
            ProcessInstance loop = openDetractor();
            runDueJobs();
            runtime.setVariable(loop.getId(), Vars.CLAIM_IDLE_AFTER, "PT4H");
            taskwork.claim(contactTask(loop).getId(), fiona);

            later(Duration.ofHours(3));
            management.executeJob(timer(loop, ClosedLoop.CLAIM_IDLE).getId());
            assertThat(contactTask(loop)).isAssignedTo("fiona");

            later(Duration.ofHours(2));
            management.executeJob(timer(loop, ClosedLoop.CLAIM_IDLE).getId());

            assertThat(contactTask(loop).getAssignee()).isNull();
            assertThat(contactTask(loop)).hasCandidateGroup("team-emea");
            assertThat(loop)
                    .hasPassed(ClosedLoop.RELEASE_IDLE_CLAIM, ClosedLoop.IDLE_CLAIM_CHECKED)
                    .isWaitingAt(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(timer(loop, ClosedLoop.CLAIM_IDLE))
                    .as("the next round's timer")
                    .isNotNull();
        }

        @Test
        void aCaseStartsWithItsSegmentsIdleClaimRuleTheGroupUnlessSettingsSayOtherwise() {
            ProcessInstance loop = openDetractor();

            assertThat(runtime.getVariable(loop.getId(), Vars.CLAIM_IDLE_AFTER)).isEqualTo("PT87600H");
            assertThat(runtime.getVariable(loop.getId(), Vars.CLAIM_IDLE_TO)).isEqualTo("group");
        }

        @Test
        void anIdleClaimOfASegmentRuledToTheSupervisorsGoesBackAndTheSupervisorsAreAlertedOnce() throws Exception {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            runDueJobs();
            runtime.setVariable(loop.getId(), Vars.CLAIM_IDLE_AFTER, "PT2H");
            runtime.setVariable(loop.getId(), Vars.CLAIM_IDLE_TO, "supervisors");
            taskwork.claim(contactTask(loop).getId(), fiona);

            later(Duration.ofHours(3));
            management.executeJob(timer(loop, ClosedLoop.CLAIM_IDLE).getId());

            assertThat(contactTask(loop).getAssignee()).isNull();
            assertThat(contactTask(loop)).hasCandidateGroup("team-emea");
            assertThat(alerts(caseId, "idle-claim"))
                    .singleElement()
                    .asString()
                    .startsWith("supervisors:Idle claim: a detractor's contact was held by fiona");
            assertThat(mail.subjectsFor("sam@loopkeeper.example"))
                    .singleElement()
                    .asString()
                    .contains("Idle claim");

            // nobody took it: the next round has no claim to release and alerts nobody again
            later(Duration.ofHours(2));
            management.executeJob(timer(loop, ClosedLoop.CLAIM_IDLE).getId());
            assertThat(alerts(caseId, "idle-claim")).hasSize(1);
            assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER);
        }

        @Test
        void aMailServerThatIsDownNeitherKeepsTheIdleClaimNorStopsTheRounds() {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            runDueJobs();
            runtime.setVariable(loop.getId(), Vars.CLAIM_IDLE_AFTER, "PT2H");
            runtime.setVariable(loop.getId(), Vars.CLAIM_IDLE_TO, "supervisors");
            taskwork.claim(contactTask(loop).getId(), fiona);
            later(Duration.ofHours(3));

            mail.stop();
            try {
                management.executeJob(timer(loop, ClosedLoop.CLAIM_IDLE).getId());
            } finally {
                mail.ensureRunning();
            }

            assertThat(contactTask(loop).getAssignee()).isNull();
            assertThat(alerts(caseId, "idle-claim"))
                    .as("in the app all the same")
                    .hasSize(1);
            assertThat(timer(loop, ClosedLoop.CLAIM_IDLE))
                    .as("the next round's timer")
                    .isNotNull();
        }

        @Test
        void anIdleClaimRuledToTheGroupAlertsNobody() throws Exception {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            runDueJobs();
            runtime.setVariable(loop.getId(), Vars.CLAIM_IDLE_AFTER, "PT2H");
            taskwork.claim(contactTask(loop).getId(), fiona);

            later(Duration.ofHours(3));
            management.executeJob(timer(loop, ClosedLoop.CLAIM_IDLE).getId());

            assertThat(contactTask(loop).getAssignee()).isNull();
            assertThat(alerts(caseId, "idle-claim")).isEmpty();
            assertThat(mail.subjectsFor("sam@loopkeeper.example")).isEmpty();
        }

        @Test
        void aWarningThatComesOnlyWithTheBreachSaysNothing() {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            runDueJobs();

            breachSla(loop);

            assertThat(loop).hasPassed(ClosedLoop.WARN_BEFORE_BREACH, ClosedLoop.RECORD_BREACH);
            assertThat(alerts(caseId, "sla-warning")).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Escalation {

        @Test
        void aMissedSlaRecordsTheBreachAlertsSupervisorsInTheAppAndTheirDigestAndAsksForAReview() throws Exception {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            taskwork.claim(contactTask(loop).getId(), fiona);
            runDueJobs();

            breachSla(loop);

            assertThat(loop)
                    .isWaitingAt(ClosedLoop.CONTACT_CUSTOMER, ClosedLoop.REVIEW_ESCALATION)
                    .hasPassed(ClosedLoop.RECORD_BREACH, ClosedLoop.ALERT_SUPERVISORS)
                    // nothing due at once: the alert was stored with the breach, no job of its own
                    .hasNotPassed(ClosedLoop.SEND_SUPERVISOR_ALERTS);
            BreachRecord breach = breaches.ofCase(caseId).get(0);
            assertThat(breach.dueAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
            assertThat(breach.candidateGroup()).isEqualTo("team-emea");
            assertThat(breach.assigneeAtBreach()).isEqualTo("fiona");
            assertThat(task(loop, ClosedLoop.REVIEW_ESCALATION)).hasCandidateGroup("supervisors");
            assertThat(alerts(caseId, "sla-breach"))
                    .containsExactly("supervisors:SLA breached: a detractor was not contacted in time");
            // by email in their digest, not at once: the alert policy's default for breaches
            assertThat(mail.subjectsFor("sam@loopkeeper.example")).isEmpty();
            assertThat(db.queryForList(
                            "select recipient from alert_digest_item where case_id = ? and event = 'breach'",
                            String.class,
                            caseId.toString()))
                    .containsExactly("sam");
        }

        @Test
        void aSupervisorWhoWantsBreachesAtOnceIsEmailedFromTheSendStepInAJobOfItsOwn() throws Exception {
            preferences.save(new AlertPreference(
                    "sam",
                    AlertPreference.Every.DAILY,
                    null,
                    null,
                    Map.of(AlertEvent.BREACH, AlertPreference.Choice.IMMEDIATE)));
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            runDueJobs();
            Job timer = timer(loop, ClosedLoop.SLA_BREACHED);
            ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));

            management.executeJob(timer.getId());

            // the breach and its alert in the app are committed; the email waits for its own job
            assertThat(breaches.ofCase(caseId)).hasSize(1);
            assertThat(alerts(caseId, "sla-breach")).hasSize(1);
            assertThat(mail.subjectsFor("sam@loopkeeper.example")).isEmpty();
            assertThat(management
                            .createJobQuery()
                            .processInstanceId(loop.getId())
                            .activityId(ClosedLoop.SEND_SUPERVISOR_ALERTS)
                            .count())
                    .isEqualTo(1);

            runDueJobs();

            assertThat(loop).hasPassed(ClosedLoop.SEND_SUPERVISOR_ALERTS, "EndEvent_SupervisorsAlerted");
            assertThat(mail.subjectsFor("sam@loopkeeper.example"))
                    .containsExactly("[Loopkeeper] SLA breached: a detractor was not contacted in time");
            assertThat(alerts(caseId, "sla-breach")).hasSize(1);
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

            // past the contact's due time, before the resolution's
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-27T09:00:00Z")));
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

        @Test
        void theResolutionIsDueByThePolicyInBusinessTime() {
            ProcessInstance loop = openDetractor();
            later(Duration.ofHours(2));

            reach(loop, fiona);

            // five working days after the customer was reached (Monday 12:00 in Madrid)
            Instant due = Instant.parse("2026-11-30T11:00:00Z");
            assertThat(task(loop, ClosedLoop.LOG_RESOLUTION).getDueDate().toInstant())
                    .isEqualTo(due);
            assertThat(timer(loop, ClosedLoop.RESOLUTION_OVERDUE).getDuedate().toInstant())
                    .isEqualTo(due);
        }

        @Test
        void aHighValueDetractorsResolutionIsDueIn48CalendarHours() {
            ProcessInstance loop = open(TestResponses.response(1).tier("gold").build());

            reach(loop, fiona);

            assertThat(task(loop, ClosedLoop.LOG_RESOLUTION).getDueDate().toInstant())
                    .isEqualTo(MONDAY_10AM_MADRID.plus(Duration.ofHours(48)));
        }

        @Test
        void anOverdueResolutionIsABreachThatEscalatesAsTheFirstContactDoes() throws Exception {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            reach(loop, fiona);
            runDueJobs();
            mail.purge();

            Job overdue = timer(loop, ClosedLoop.RESOLUTION_OVERDUE);
            ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plusSeconds(1)));
            runDueJobs();

            assertThat(loop)
                    .hasPassed(ClosedLoop.RECORD_BREACH, ClosedLoop.ALERT_SUPERVISORS)
                    .isWaitingAt(ClosedLoop.LOG_RESOLUTION, ClosedLoop.REVIEW_ESCALATION);
            BreachRecord breach = breaches.ofCase(caseId).get(0);
            assertThat(breach.activityId()).isEqualTo(ClosedLoop.LOG_RESOLUTION);
            assertThat(breach.dueAt()).isEqualTo(overdue.getDuedate().toInstant());
            assertThat(breach.assigneeAtBreach()).isEqualTo("fiona");
            assertThat(alerts(caseId, "sla-breach"))
                    .containsExactly("supervisors:SLA breached: a detractor's resolution is overdue");

            review(
                    loop,
                    Map.of(
                            Vars.ESCALATION_DECISION,
                            "reassign",
                            Vars.REASSIGN_TO,
                            "frank",
                            Vars.ESCALATION_REASON,
                            "Fiona is on leave"));

            assertThat(task(loop, ClosedLoop.LOG_RESOLUTION)).isAssignedTo("frank");
        }

        @Test
        void anExtendedResolutionThatIsStillNotLoggedBreachesAgain() {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            reach(loop, fiona);
            Job overdue = timer(loop, ClosedLoop.RESOLUTION_OVERDUE);
            ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plusSeconds(1)));
            runDueJobs();

            review(
                    loop,
                    Map.of(
                            Vars.ESCALATION_DECISION,
                            "extend",
                            Vars.EXTENDED_DUE_AT,
                            "2026-12-03T12:00:00Z",
                            Vars.ESCALATION_REASON,
                            "Waiting for the supplier"));

            Instant extended = Instant.parse("2026-12-03T12:00:00Z");
            assertThat(task(loop, ClosedLoop.LOG_RESOLUTION).getDueDate().toInstant())
                    .isEqualTo(extended);
            assertThat(breaches.extensionsOf(caseId))
                    .singleElement()
                    .satisfies(e -> assertThat(e.previousDue())
                            .isEqualTo(overdue.getDuedate().toInstant()));
            ClockUtil.setCurrentTime(Date.from(extended.plusSeconds(1)));
            runDueJobs();

            assertThat(breaches.ofCase(caseId))
                    .extracting(BreachRecord::activityId)
                    .containsExactly(ClosedLoop.LOG_RESOLUTION, ClosedLoop.LOG_RESOLUTION);
        }

        @Test
        void anEscalationNobodyReviewsInTimeIsABreachOfItsOwnAndTheProcessOwnersHear() {
            ProcessInstance loop = openDetractor();
            UUID caseId = caseOf(loop);
            breachSla(loop);
            Task review = task(loop, ClosedLoop.REVIEW_ESCALATION);
            // four calendar hours for standard detractors
            Instant reviewDue = Instant.parse("2026-11-24T09:00:01Z").plus(Duration.ofHours(4));
            assertThat(review.getDueDate().toInstant()).isEqualTo(reviewDue);
            taskwork.claim(review.getId(), sam);

            ClockUtil.setCurrentTime(Date.from(reviewDue.plusSeconds(1)));
            runDueJobs();

            assertThat(loop)
                    .hasPassed(ClosedLoop.ESCALATE_UNREVIEWED_BREACH)
                    .isWaitingAt(ClosedLoop.CONTACT_CUSTOMER, ClosedLoop.REVIEW_ESCALATION);
            assertThat(breaches.ofCase(caseId))
                    .filteredOn(b -> ClosedLoop.REVIEW_ESCALATION.equals(b.activityId()))
                    .singleElement()
                    .satisfies(b -> {
                        assertThat(b.dueAt()).isEqualTo(reviewDue);
                        assertThat(b.assigneeAtBreach()).isEqualTo("sam");
                    });
            assertThat(alerts(caseId, "unreviewed-escalation"))
                    .containsExactly("process-owners:Escalation not reviewed in time: Maria Lopez");
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

    /** Reaches the customer by phone with more of the contact form filled in: a promise, a remedy. */
    void reachWith(ProcessInstance loop, Actor agent, Map<String, Object> more) {
        Task contact = contactTask(loop);
        taskwork.claim(contact.getId(), agent);
        taskwork.completeTask(contact.getId(), reached(more), agent);
    }

    static Map<String, Object> reached(Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(more);
        values.put(Vars.CHANNEL_USED, "phone");
        values.put(Vars.CONTACT_OUTCOME, "reached");
        return values;
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
