package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.MailServer;
import dev.loopkeeper.OtherTeam;
import dev.loopkeeper.StatementCounter;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.domain.CaseParticipants;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who sees a case, on whatever database the subclass gives it: the groups and people who hold or held its
 * tasks, supervisors and admins; nobody else, before the case is worked, while it is, and after it closed.
 */
@Import(StatementCounter.class)
abstract class CaseAccessContract {

    /** Monday 23 November 2026, 10:00 in Madrid: inside EMEA working hours. */
    static final Instant MONDAY_10AM_MADRID = Instant.parse("2026-11-23T09:00:00Z");

    static final MailServer mail = MailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
    }

    @Autowired
    CaseIntake intake;

    @Autowired
    Casework casework;

    @Autowired
    Taskwork taskwork;

    @Autowired
    SlaCasework slaCasework;

    @Autowired
    CaseAccess access;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    CaseParticipants participants;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate db;

    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));
    final Actor frank = new Actor("frank", Set.of("frontline", "team-emea"));
    final Actor sam = new Actor("sam", Set.of("supervisors"));
    final Actor ada = new Actor("ada", Set.of("admins", "camunda-admin"));
    final Actor paula = new Actor("paula", Set.of("process-owners"));
    Actor olga;

    @BeforeEach
    void mondayMorningInMadrid() throws Exception {
        ClockUtil.setCurrentTime(Date.from(MONDAY_10AM_MADRID));
        mail.ensureRunning();
        olga = OtherTeam.olga(identity);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aTeamsCaseIsSeenByTheTeamAndTheLeadsFromTheStart() {
        UUID caseId = emeaDetractor();

        assertThat(whoSees(caseId)).containsExactly("fiona", "frank", "sam", "ada");
    }

    @Test
    void anotherTeamNeverSeesItBeforeTheClaimAfterItNorAfterTheCaseClosed() {
        UUID caseId = emeaDetractor();
        assertThat(access.visibleTo(caseId, olga)).isFalse();

        String contact = openTask(caseId);
        taskwork.claim(contact, fiona);
        assertThat(access.visibleTo(caseId, olga)).isFalse();

        casework.completeContact(contact, new ContactReport(Channel.PHONE, ContactOutcome.REACHED, "Sorted"), fiona);
        taskwork.completeTask(openTask(caseId), resolution(), fiona);
        assertThat(casework.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);

        assertThat(whoSees(caseId)).containsExactly("fiona", "frank", "sam", "ada");
    }

    @Test
    void theTeamStillSeesTheCaseWhileNoTaskIsOpen() {
        UUID caseId = emeaDetractor();
        taskwork.claim(openTask(caseId), fiona);
        casework.completeContact(
                openTask(caseId), new ContactReport(Channel.PHONE, ContactOutcome.NO_ANSWER, null), fiona);
        assertThat(casework.find(caseId).orElseThrow().openTasks()).isEmpty();

        assertThat(whoSees(caseId)).containsExactly("fiona", "frank", "sam", "ada");
    }

    @Test
    void aSupervisorsReassignmentToSomeoneOutsideTheTeamLetsThemSeeTheCaseForGood() {
        UUID caseId = emeaDetractor();

        slaCasework.reassignContact(caseId, OtherTeam.USER);
        assertThat(access.visibleTo(caseId, olga)).isTrue();

        casework.completeContact(
                openTask(caseId), new ContactReport(Channel.PHONE, ContactOutcome.REACHED, null), olga);
        taskwork.completeTask(openTask(caseId), resolution(), olga);
        assertThat(casework.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(whoSees(caseId)).containsExactly("fiona", "frank", "sam", "ada", "olga");
    }

    @Test
    void reassigningToAnotherGroupLetsThatGroupSeeTheCase() {
        UUID caseId = emeaDetractor();

        slaCasework.reassignContact(caseId, OtherTeam.TEAM);

        assertThat(access.visibleTo(caseId, new Actor("someone-in-apac", Set.of(OtherTeam.TEAM))))
                .isTrue();
        assertThat(whoSees(caseId)).containsExactly("fiona", "frank", "sam", "ada", "olga");
    }

    @Test
    void aTaskDelegatedThroughTheEngineLetsTheDelegateSeeTheCase() {
        UUID caseId = emeaDetractor();
        String contact = openTask(caseId);
        taskwork.claim(contact, fiona);

        tasks.delegateTask(contact, OtherTeam.USER); // as /engine-rest would; our screens delegate within the group

        assertThat(access.visibleTo(caseId, olga)).isTrue();
    }

    @Test
    void theOwnerGroupSeesACaseThatNeverGetsATask() {
        // a standard promoter: the policy gives it to frontline and thanks the customer automatically
        UUID caseId = intake.receive(TestResponses.customer(
                        10, "Happy Hanna", "standard", "EMEA", "hanna@example.com", null, "Great service"))
                .caseId();
        assertThat(access.visibleTo(caseId, olga)).isFalse();

        runJobsOf(caseId);

        assertThat(casework.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(whoSees(caseId)).containsExactly("fiona", "frank", "sam", "ada", "olga");
    }

    @Test
    void anUnknownCaseAndSomeoneElsesCaseLookTheSame() {
        UUID theirs = emeaDetractor();
        UUID unknown = UUID.randomUUID();

        assertThat(access.visibleTo(unknown, olga)).isFalse().isEqualTo(access.visibleTo(theirs, olga));
        assertThat(timeline.file(unknown, olga)).isEmpty().isEqualTo(timeline.file(theirs, olga));
        assertThat(access.visibleTo(unknown, sam)).isFalse();
        assertThat(timeline.file(unknown, sam)).isEmpty();
        assertThat(timeline.file(theirs, fiona)).isPresent();
    }

    @Test
    void theCustomersOtherCasesShowOnlyWhereTheViewerMaySeeThem() {
        String customer = "C-" + UUID.randomUUID();
        UUID emea = intake.receive(response(customer, "EMEA", "2026-11-20T09:00:00Z"))
                .caseId(); // team-emea
        // a passive now: only a low score joins the open case
        UUID us = intake.receive(response(customer, "US", "2026-11-21T09:00:00Z", 7))
                .caseId(); // frontline

        CaseFile seenByOlga = timeline.file(us, olga).orElseThrow();
        assertThat(timeline.otherCasesOfCustomer(seenByOlga, olga)).isEmpty();
        assertThat(timeline.responsesOfCustomer(seenByOlga, olga))
                .extracting(r -> r.responseId())
                .containsExactly(us);

        CaseFile seenByFiona = timeline.file(us, fiona).orElseThrow();
        assertThat(timeline.otherCasesOfCustomer(seenByFiona, fiona))
                .extracting(CaseFile.Earlier::caseId)
                .containsExactly(emea);
        assertThat(timeline.responsesOfCustomer(seenByFiona, fiona))
                .extracting(r -> r.responseId())
                .containsExactly(emea, us);
    }

    @Test
    void joiningCostsAStatementOnlyWhenSomeoneNewComesToTheCase() {
        UUID[] opened = new UUID[1];
        int opening = StatementCounter.statementsOn("case_participant", () -> opened[0] = emeaDetractor());
        String contact = openTask(opened[0]);
        int claim = StatementCounter.statementsOn("case_participant", () -> taskwork.claim(contact, fiona));
        int moveDue = StatementCounter.statementsOn(
                "case_participant",
                () -> slaCasework.moveContactDue(opened[0], MONDAY_10AM_MADRID.plus(Duration.ofDays(2))));

        assertThat(opening).isEqualTo(1);
        assertThat(claim).isEqualTo(1);
        assertThat(moveDue).isZero();
    }

    @Test
    void joiningAgainInsideTheEnginesTransactionChangesNothingAndFailsNothing() {
        UUID caseId = emeaDetractor();
        String contact = openTask(caseId);
        taskwork.claim(contact, fiona);
        taskwork.unclaim(contact, fiona);
        taskwork.claim(contact, fiona); // fiona and team-emea take part already: the writes meet their rows

        participants.join(caseId, CaseParticipants.Kind.USER, "fiona", Instant.now());

        assertThat(participantsOf(caseId)).containsExactly(caseId + " group:team-emea", caseId + " user:fiona");
    }

    @Test
    void theMigrationRebuildsFromOurTablesWhatTheListenerRecorded() throws Exception {
        UUID triedByFiona = emeaDetractor();
        taskwork.claim(openTask(triedByFiona), fiona);
        casework.completeContact(
                openTask(triedByFiona), new ContactReport(Channel.PHONE, ContactOutcome.NO_ANSWER, null), fiona);
        UUID givenToOlga = emeaDetractor();
        slaCasework.reassignContact(givenToOlga, OtherTeam.USER);
        runJobsOf(triedByFiona);
        runJobsOf(givenToOlga);
        List<String> recorded = participantsOf(triedByFiona, givenToOlga);

        db.update("delete from case_participant");
        db.update(backfill());

        assertThat(recorded)
                .containsExactly(
                        triedByFiona + " group:team-emea", triedByFiona + " user:fiona",
                        givenToOlga + " group:team-emea", givenToOlga + " user:olga");
        assertThat(participantsOf(triedByFiona, givenToOlga)).isEqualTo(recorded);
    }

    // ---------------------------------------------------------------------------------------------------

    /** The backfill of V12, as Flyway ran it on a database with cases. */
    static String backfill() throws java.io.IOException {
        String migration = new org.springframework.core.io.ClassPathResource("db/migration/V12__case_participants.sql")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return migration
                .substring(migration.indexOf("insert into case_participant"))
                .strip()
                .replaceAll(";$", "");
    }

    List<String> participantsOf(UUID... caseIds) {
        List<String> rows = new java.util.ArrayList<>();
        for (UUID caseId : caseIds) {
            db.queryForList(
                            "select kind, participant from case_participant where case_id = ? order by kind, participant",
                            caseId.toString())
                    .forEach(row -> rows.add(caseId + " " + row.get("KIND") + ":" + row.get("PARTICIPANT")));
        }
        return rows;
    }

    /** A standard detractor in EMEA: the policy gives it to team-emea. */
    UUID emeaDetractor() {
        return intake.receive(TestResponses.customer(
                        3,
                        "Maria Lopez",
                        "standard",
                        "EMEA",
                        "maria@example.com",
                        "+34 600 123 456",
                        "Nobody could tell me where my refund is"))
                .caseId();
    }

    static ResponseSubmission response(String customer, String region, String respondedAt) {
        return response(customer, region, respondedAt, 4);
    }

    static ResponseSubmission response(String customer, String region, String respondedAt, int score) {
        return new ResponseSubmission(
                "test-survey",
                "evt-" + UUID.randomUUID(),
                Instant.parse(respondedAt),
                score,
                "Still waiting",
                new CustomerDetails(
                        customer,
                        "Returning Rosa",
                        "rosa@example.com",
                        "+34 600 123 456",
                        Channel.PHONE,
                        "standard",
                        null),
                Map.of("region", region, "product", "Broadband"));
    }

    /** Of all actors, in a fixed order, those who may see the case. */
    List<String> whoSees(UUID caseId) {
        return List.of(fiona, frank, sam, ada, paula, olga).stream()
                .filter(actor -> access.visibleTo(caseId, actor))
                .map(Actor::userId)
                .toList();
    }

    String openTask(UUID caseId) {
        return casework.find(caseId).orElseThrow().openTasks().get(0).taskId();
    }

    static Map<String, Object> resolution() {
        Map<String, Object> values = new HashMap<>();
        values.put(ClosedLoop.Vars.RESOLUTION_SUMMARY, "Refund pushed through");
        values.put(ClosedLoop.Vars.ROOT_CAUSE, "billing");
        values.put(ClosedLoop.Vars.why(1), "Refund stuck");
        values.put(ClosedLoop.Vars.FIXED_NOW, true);
        values.put(ClosedLoop.Vars.SYSTEMIC, false);
        return values;
    }

    /** Runs the case's async steps, and what they lead to, until it waits for something else. */
    void runJobsOf(UUID caseId) {
        String instance = db.queryForObject(
                "select process_instance_id from follow_up_case where id = ?", String.class, caseId.toString());
        for (int round = 0; round < 20; round++) {
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming");
    }
}
