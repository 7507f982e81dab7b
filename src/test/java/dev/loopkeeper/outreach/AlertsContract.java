package dev.loopkeeper.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopkeeper.MailServer;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.ZonePreference;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts as the policy routes them and as each user wants them, on whatever database the subclass gives it: at
 * once, in the daily or weekly digest in the user's own zone, held through quiet hours. A real SMTP server
 * (GreenMail) receives what staff would.
 */
abstract class AlertsContract {

    /** Sunday 22 November 2026, 21:00 in Berlin. */
    static final Instant SUNDAY_EVENING = Instant.parse("2026-11-22T20:00:00Z");
    /** Monday 23 November 2026, 08:00 in Berlin. */
    static final Instant MONDAY_8_BERLIN = Instant.parse("2026-11-23T07:00:00Z");

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final MailServer mail = MailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
        registry.add("loopkeeper.outreach.public-url", () -> "https://care.example.com");
        // the frontline group has a digest of its own (the other tests' alerts go to team-emea and the supervisors)
        registry.add("loopkeeper.outreach.digests.groups.frontline.address", () -> FRONTLINE_LEADS);
        registry.add("loopkeeper.outreach.digests.groups.frontline.zone", () -> "Europe/Berlin");
    }

    static final String FRONTLINE_LEADS = "frontline-leads@example.com";

    @Autowired
    StaffAlerts alerts;

    @Autowired
    Digests digests;

    @Autowired
    AlertPreferences preferences;

    @Autowired
    ZonePreference zones;

    @Autowired
    JdbcTemplate db;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @BeforeEach
    void freshMailboxQueueAndChoices() throws Exception {
        mail.ensureRunning();
        mail.purge();
        db.update("delete from alert_digest_item");
        // every test's clock starts on the same Sunday: its digests would have the keys of the test before
        db.update("delete from notification where delivery_key like 'digest:%' or delivery_key like 'held:%'");
        db.update("delete from alert_subscription");
        db.update("delete from alert_preference");
        db.update(
                "delete from case_participant where case_id in (select id from follow_up_case where source = ?)",
                DIGEST_TEST);
        db.update("delete from follow_up_case where source = ?", DIGEST_TEST);
        db.update("delete from user_setting where user_id in ('sam', 'fiona', 'frank', 'paula')");
        at(SUNDAY_EVENING);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Nested
    class ThePolicy {

        @Test
        void aNewCaseAlertsItsOwnerGroupInTheAppAndEachMemberByEmailAtOnce() throws Exception {
            UUID caseId = UUID.randomUUID();

            alerts.raise(caseOpened(caseId, 3, "Slow line", Map.of()));

            assertThat(inApp(caseId)).containsExactly("team-emea:new-case");
            assertThat(mail.subjectsFor("fiona@loopkeeper.example")).containsExactly("[Loopkeeper] New detractor");
            assertThat(mail.subjectsFor("frank@loopkeeper.example")).containsExactly("[Loopkeeper] New detractor");
            assertThat(queued()).isEmpty();
        }

        @Test
        void theAccountManagerAResponseNamesHearsOfADetractorByEmail() throws Exception {
            UUID caseId = UUID.randomUUID();

            alerts.raise(caseOpened(caseId, 2, "Slow line", Map.of("accountManagerEmail", "am@example.com")));

            assertThat(mail.subjectsFor("am@example.com")).containsExactly("[Loopkeeper] New detractor");
        }

        @Test
        void aValuableCustomerWhoWantsToCancelAlsoReachesTheSupervisorsInTheApp() {
            UUID caseId = UUID.randomUUID();

            alerts.raise(new AlertEvent(
                    AlertEvent.CASE_OPENED,
                    DeliveryKey.ofCase(caseId, "new"),
                    "new-case",
                    "team-emea",
                    new AlertEvent.Facts("detractor", 1, "gold", 40_000.0, "EMEA", "", "I will cancel", Map.of()),
                    "New detractor",
                    "I will cancel"));

            assertThat(inApp(caseId)).containsExactlyInAnyOrder("team-emea:new-case", "supervisors:new-case");
        }

        @Test
        void aBreachAlertsSupervisorsInTheAppAtOnceAndByEmailInTheirDigest() throws Exception {
            UUID caseId = UUID.randomUUID();

            alerts.raise(breach(caseId));

            assertThat(inApp(caseId)).containsExactly("supervisors:sla-breach");
            assertThat(mail.subjectsFor("sam@loopkeeper.example")).isEmpty();
            assertThat(queued()).containsExactly("sam:breach");
        }

        @Test
        void anUnreviewedEscalationEmailsTheProcessOwnersAtOnce() throws Exception {
            UUID caseId = UUID.randomUUID();

            alerts.raise(new AlertEvent(
                    AlertEvent.ESCALATION,
                    DeliveryKey.ofCase(caseId, "unreviewed", SUNDAY_EVENING),
                    "unreviewed-escalation",
                    "team-emea",
                    facts(2),
                    "Escalation not reviewed in time",
                    "Nobody has taken it."));

            assertThat(inApp(caseId)).containsExactly("process-owners:unreviewed-escalation");
            assertThat(mail.subjectsFor("paula@loopkeeper.example"))
                    .containsExactly("[Loopkeeper] Escalation not reviewed in time");
        }

        @Test
        void raisingTheSameAlertAgainAlertsNobodyTwice() throws Exception {
            UUID caseId = UUID.randomUUID();

            alerts.raise(caseOpened(caseId, 3, "Slow line", Map.of()));
            alerts.raise(caseOpened(caseId, 3, "Slow line", Map.of()));
            alerts.raise(breach(caseId));
            alerts.raise(breach(caseId));

            assertThat(inApp(caseId)).containsExactlyInAnyOrder("team-emea:new-case", "supervisors:sla-breach");
            assertThat(mail.subjectsFor("fiona@loopkeeper.example")).hasSize(1);
            assertThat(queued()).containsExactly("sam:breach");
        }
    }

    @Nested
    class Preferences {

        @Test
        void areKeptAsTheUserChoseThem() {
            preferences.save(new AlertPreference(
                    "fiona",
                    AlertPreference.Every.WEEKLY,
                    LocalTime.of(22, 0),
                    LocalTime.of(7, 30),
                    Map.of(
                            AlertEvent.CASE_OPENED, AlertPreference.Choice.DIGEST,
                            AlertEvent.BREACH, AlertPreference.Choice.POLICY)));

            AlertPreference kept = preferences.of("fiona");

            assertThat(kept.digestEvery()).isEqualTo(AlertPreference.Every.WEEKLY);
            assertThat(kept.quietFrom()).isEqualTo(LocalTime.of(22, 0));
            assertThat(kept.quietUntil()).isEqualTo(LocalTime.of(7, 30));
            assertThat(kept.choices())
                    .containsExactly(Map.entry(AlertEvent.CASE_OPENED, AlertPreference.Choice.DIGEST));
            assertThat(preferences.of("frank")).isEqualTo(AlertPreference.defaults("frank"));
        }

        @Test
        void aUserWhoWantsNewCasesInTheirDigestGetsNoEmailAtOnceWhileTheRestOfTheGroupDoes() throws Exception {
            choose("fiona", AlertEvent.CASE_OPENED, AlertPreference.Choice.DIGEST);
            UUID caseId = UUID.randomUUID();

            alerts.raise(caseOpened(caseId, 3, "Slow line", Map.of()));

            assertThat(mail.subjectsFor("fiona@loopkeeper.example")).isEmpty();
            assertThat(mail.subjectsFor("frank@loopkeeper.example")).hasSize(1);
            assertThat(queued()).containsExactly("fiona:case-opened");
            assertThat(inApp(caseId)).containsExactly("team-emea:new-case");
        }

        @Test
        void aUserWhoWantsNewCasesInTheAppOnlyGetsNoEmailAtAll() throws Exception {
            choose("fiona", AlertEvent.CASE_OPENED, AlertPreference.Choice.IN_APP_ONLY);

            alerts.raise(caseOpened(UUID.randomUUID(), 3, "Slow line", Map.of()));

            assertThat(mail.subjectsFor("fiona@loopkeeper.example")).isEmpty();
            assertThat(queued()).isEmpty();
        }

        @Test
        void aSupervisorWhoWantsBreachesAtOnceIsEmailedAtOnce() throws Exception {
            choose("sam", AlertEvent.BREACH, AlertPreference.Choice.IMMEDIATE);

            alerts.raise(breach(UUID.randomUUID()));

            assertThat(mail.subjectsFor("sam@loopkeeper.example")).containsExactly("[Loopkeeper] SLA breached");
            assertThat(queued()).isEmpty();
        }

        @Test
        void aBreachAlertStepOnAModelFromBeforeTheSendTasksStillSendsFromItsOwnJob() throws Exception {
            choose("sam", AlertEvent.BREACH, AlertPreference.Choice.IMMEDIATE);
            // the shape of Task_AlertSupervisors before it had a send task: a job of its own, nothing after it
            String deployment = repository
                    .createDeployment()
                    .name("alert step before the send tasks")
                    .addModelInstance(
                            "alert-step-before-send-tasks.bpmn",
                            Bpmn.createExecutableProcess("alert-step-before-send-tasks")
                                    .camundaHistoryTimeToLive(1)
                                    .startEvent()
                                    .serviceTask("Task_AlertSupervisors")
                                    .camundaAsyncBefore()
                                    .camundaDelegateExpression("${alertSupervisorsDelegate}")
                                    .endEvent()
                                    .done())
                    .deploy()
                    .getId();
            try {
                UUID caseId = UUID.randomUUID();
                String instance = runtime.startProcessInstanceByKey(
                                "alert-step-before-send-tasks",
                                Map.of(
                                        "caseId",
                                        caseId.toString(),
                                        "segment",
                                        "detractor",
                                        "score",
                                        2,
                                        "ownerGroup",
                                        "team-emea",
                                        "slaDueAt",
                                        Date.from(SUNDAY_EVENING)))
                        .getId();

                management.executeJob(management
                        .createJobQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getId());

                assertThat(mail.subjectsFor("sam@loopkeeper.example"))
                        .containsExactly("[Loopkeeper] SLA breached: a detractor was not contacted in time");
                assertThat(inApp(caseId)).containsExactly("supervisors:sla-breach");
            } finally {
                repository.deleteDeployment(deployment, true);
            }
        }

        @Test
        void anAlertPolicyThatCannotBeEvaluatedLeavesTheAlertToItsSendStepWhereItFails() {
            // a rule whose output is not of its column's type: it deploys, and fails only when evaluated
            String deployment = repository
                    .createDeployment()
                    .name("alert policy that cannot be evaluated")
                    .addString("alert-policy.dmn", """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                                xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                                id="broken-alert-policy" name="Broken" namespace="http://camunda.org/schema/1.0/dmn">
                              <decision id="alert-policy" name="Alert policy" camunda:historyTimeToLive="1">
                                <decisionTable id="table" hitPolicy="COLLECT">
                                  <input id="event"><inputExpression id="eventExpression" typeRef="string">
                                    <text>event</text></inputExpression></input>
                                  <output id="recipientKind" name="recipientKind" typeRef="integer" />
                                  <rule id="rule"><inputEntry id="any"><text></text></inputEntry>
                                    <outputEntry id="kind"><text>"not a number"</text></outputEntry></rule>
                                </decisionTable>
                              </decision>
                            </definitions>
                            """)
                    .deploy()
                    .getId();
            try {
                UUID caseId = UUID.randomUUID();

                assertThat(alerts.recordForLater(breach(caseId)))
                        .as("left to the send step")
                        .isTrue();
                assertThat(inApp(caseId)).isEmpty();
                assertThatThrownBy(() -> alerts.raise(breach(caseId))).isInstanceOf(RuntimeException.class);
            } finally {
                repository.deleteDeployment(deployment, true);
            }
        }

        @Test
        void recordedForLaterABreachAsThePolicyWantsItHasNothingDueNowAndSendsNothing() throws Exception {
            UUID caseId = UUID.randomUUID();

            boolean due = alerts.recordForLater(breach(caseId));

            assertThat(due).as("anything due at once").isFalse();
            assertThat(inApp(caseId)).containsExactly("supervisors:sla-breach");
            assertThat(queued()).containsExactly("sam:breach");
            assertThat(mail.subjectsFor("sam@loopkeeper.example")).isEmpty();
        }

        @Test
        void recordedForLaterAnEmailDueAtOnceWaitsForTheSendStepWhichStoresNothingTwice() throws Exception {
            choose("sam", AlertEvent.BREACH, AlertPreference.Choice.IMMEDIATE);
            UUID caseId = UUID.randomUUID();

            boolean due = alerts.recordForLater(breach(caseId));

            assertThat(due).as("anything due at once").isTrue();
            assertThat(inApp(caseId)).containsExactly("supervisors:sla-breach");
            assertThat(mail.subjectsFor("sam@loopkeeper.example")).isEmpty();

            alerts.raise(breach(caseId));

            assertThat(mail.subjectsFor("sam@loopkeeper.example")).containsExactly("[Loopkeeper] SLA breached");
            assertThat(inApp(caseId)).containsExactly("supervisors:sla-breach");
            assertThat(queued()).isEmpty();
        }
    }

    @Nested
    class QuietHours {

        @Test
        void anEmailDueAtOnceInQuietHoursIsHeldUntilTheyEndInTheUsersZone() throws Exception {
            zones.choose("fiona", BERLIN);
            preferences.save(new AlertPreference(
                    "fiona", AlertPreference.Every.DAILY, LocalTime.of(22, 0), LocalTime.of(7, 0), Map.of()));
            at(Instant.parse("2026-11-22T22:30:00Z")); // 23:30 in Berlin

            alerts.raise(caseOpened(UUID.randomUUID(), 3, "Slow line", Map.of()));

            assertThat(mail.subjectsFor("fiona@loopkeeper.example")).isEmpty();
            assertThat(mail.subjectsFor("frank@loopkeeper.example")).hasSize(1);

            at(Instant.parse("2026-11-23T05:45:00Z")); // 06:45 in Berlin
            assertThat(digests.sendDue()).isZero();

            at(Instant.parse("2026-11-23T06:00:00Z")); // 07:00 in Berlin
            assertThat(digests.sendDue()).isEqualTo(1);
            assertThat(mail.subjectsFor("fiona@loopkeeper.example"))
                    .containsExactly("[Loopkeeper] 1 alert held during your quiet hours");
            assertThat(queued()).isEmpty();
        }

        @Test
        void outsideQuietHoursAnEmailGoesAtOnce() throws Exception {
            zones.choose("fiona", BERLIN);
            preferences.save(new AlertPreference(
                    "fiona", AlertPreference.Every.DAILY, LocalTime.of(22, 0), LocalTime.of(7, 0), Map.of()));
            at(Instant.parse("2026-11-23T06:00:00Z")); // 07:00 in Berlin: quiet hours just ended

            alerts.raise(caseOpened(UUID.randomUUID(), 3, "Slow line", Map.of()));

            assertThat(mail.subjectsFor("fiona@loopkeeper.example")).hasSize(1);
        }
    }

    @Nested
    class TheDigest {

        @Test
        void comesAt0800InTheUsersZone() throws Exception {
            zones.choose("sam", BERLIN);
            alerts.raise(breach(UUID.randomUUID()));

            at(MONDAY_8_BERLIN.minusSeconds(60));
            assertThat(digests.sendDue()).isZero();
            assertThat(mail.subjectsFor("sam@loopkeeper.example")).isEmpty();

            at(MONDAY_8_BERLIN);
            assertThat(digests.sendDue()).isEqualTo(1);

            MimeMessage digest = mail.receivedBy("sam@loopkeeper.example");
            assertThat(digest.getSubject()).isEqualTo("[Loopkeeper] Your daily digest: 1 alert");
            assertThat(MailServer.part(digest, "text/plain")).contains("SLA breaches (1)", "SLA breached");
            assertThat(queued()).isEmpty();
            at(MONDAY_8_BERLIN.plusSeconds(900));
            assertThat(digests.sendDue()).isZero();
        }

        @Test
        void saysWhatClosedSinceTheDigestBeforeForEveryCaseToASupervisor() throws Exception {
            alerts.raise(breach(UUID.randomUUID()));
            closedCase("Closed Yesterday Evening", "team-emea", SUNDAY_EVENING, "RESOLVED");
            closedCase("Closed Last Week", "team-emea", SUNDAY_EVENING.minusSeconds(3 * 86_400), "RESOLVED");

            at(Instant.parse("2026-11-23T08:00:00Z")); // 08:00 UTC: sam chose no zone
            assertThat(digests.sendDue()).isEqualTo(1);

            String text = MailServer.part(mail.receivedBy("sam@loopkeeper.example"), "text/plain");
            assertThat(text)
                    .contains("SLA breaches (1)", "What closed (1)", "Closed Yesterday Evening (detractor): resolved")
                    .doesNotContain("Closed Last Week");
        }

        @Test
        void aMemberHearsOfTheCasesOfTheirOwnGroupsClosingOnly() throws Exception {
            choose("fiona", AlertEvent.CASE_OPENED, AlertPreference.Choice.DIGEST);
            alerts.raise(caseOpened(UUID.randomUUID(), 3, "Slow line", Map.of()));
            closedCase("Emea Customer", "team-emea", SUNDAY_EVENING, "UNREACHABLE");
            closedCase("Apac Customer", "team-apac", SUNDAY_EVENING, "RESOLVED");

            at(Instant.parse("2026-11-23T08:00:00Z"));
            assertThat(digests.sendDue()).isEqualTo(1);

            String text = MailServer.part(mail.receivedBy("fiona@loopkeeper.example"), "text/plain");
            assertThat(text)
                    .contains("New cases (1)", "What closed (1)", "Emea Customer (detractor): unreachable")
                    .doesNotContain("Apac Customer");
        }

        @Test
        void aGroupWithADigestOfItsOwnGetsOneAtItsAddressWithItsNewCasesAndWhatItClosed() throws Exception {
            alerts.raise(new AlertEvent(
                    AlertEvent.CASE_OPENED,
                    DeliveryKey.ofCase(UUID.randomUUID(), "new"),
                    "new-case",
                    Groups.FRONTLINE,
                    facts(2),
                    "New detractor for the frontline",
                    "Slow line"));
            closedCase("Frontline Customer", Groups.FRONTLINE, SUNDAY_EVENING, "RESOLVED");
            closedCase("Emea Customer", "team-emea", SUNDAY_EVENING, "RESOLVED");
            // the members are emailed at once, as the policy says; the group's digest waits for 08:00 in its zone
            assertThat(mail.subjectsFor("fiona@loopkeeper.example"))
                    .containsExactly("[Loopkeeper] New detractor for the frontline");
            assertThat(queued()).containsExactly("group:frontline:case-opened");

            at(MONDAY_8_BERLIN.minusSeconds(60));
            assertThat(digests.sendDue()).isZero();
            at(MONDAY_8_BERLIN);
            assertThat(digests.sendDue()).isEqualTo(1);

            MimeMessage digest = mail.receivedBy(FRONTLINE_LEADS);
            assertThat(digest.getSubject()).isEqualTo("[Loopkeeper] Daily digest of frontline: 1 alert");
            assertThat(MailServer.part(digest, "text/plain"))
                    .contains(
                            "New cases (1)", "New detractor for the frontline", "What closed (1)", "Frontline Customer")
                    .doesNotContain("Emea Customer");
            assertThat(queued()).isEmpty();
        }

        @Test
        void aWeeklyDigestComesOnMondayMorning() throws Exception {
            zones.choose("sam", BERLIN);
            preferences.save(new AlertPreference("sam", AlertPreference.Every.WEEKLY, null, null, Map.of()));
            at(Instant.parse("2026-11-24T12:00:00Z")); // a Tuesday
            alerts.raise(breach(UUID.randomUUID()));

            at(Instant.parse("2026-11-25T07:00:00Z")); // Wednesday, 08:00 in Berlin
            assertThat(digests.sendDue()).isZero();

            at(Instant.parse("2026-11-30T07:00:00Z")); // the next Monday, 08:00 in Berlin
            assertThat(digests.sendDue()).isEqualTo(1);
            assertThat(mail.subjectsFor("sam@loopkeeper.example"))
                    .containsExactly("[Loopkeeper] Your weekly digest: 1 alert");
        }

        @Test
        void aStormOf500BreachesIsOneDigestPerSupervisorAndNoEmailPerBreach() throws Exception {
            for (int i = 0; i < 500; i++) {
                alerts.raise(breach(UUID.randomUUID()));
            }
            assertThat(mail.subjectsFor("sam@loopkeeper.example")).isEmpty();
            assertThat(db.queryForObject("select count(*) from alert_digest_item", Integer.class))
                    .isEqualTo(500);

            at(Instant.parse("2026-11-23T08:00:00Z")); // 08:00 UTC: sam chose no zone
            assertThat(digests.sendDue()).isEqualTo(1);

            MimeMessage digest = mail.receivedBy("sam@loopkeeper.example");
            assertThat(digest.getSubject()).isEqualTo("[Loopkeeper] Your daily digest: 500 alerts");
            assertThat(MailServer.part(digest, "text/plain")).contains("SLA breaches (500)", "and 480 more");
            assertThat(mail.received()).hasSize(1);
        }

        @Test
        void aRetriedRoundSendsNoDigestTwice() throws Exception {
            alerts.raise(breach(UUID.randomUUID()));
            at(Instant.parse("2026-11-23T08:00:00Z"));
            TransactionTemplate failedRound = new TransactionTemplate(transactions);

            failedRound.executeWithoutResult(tx -> {
                digests.sendDue();
                tx.setRollbackOnly(); // as if the job failed after the email went out
            });
            assertThat(queued()).containsExactly("sam:breach");

            assertThat(digests.sendDue()).isEqualTo(1);
            assertThat(mail.subjectsFor("sam@loopkeeper.example")).hasSize(1);
            assertThat(queued()).isEmpty();
        }

        @Test
        void theDigestProcessRunsTheRoundEveryQuarterHour() throws Exception {
            alerts.raise(breach(UUID.randomUUID()));
            Job timer = management
                    .createJobQuery()
                    .processDefinitionKey(DigestProcess.PROCESS_ID)
                    .timers()
                    .singleResult();
            assertThat(timer.getDuedate()
                                    .toInstant()
                                    .atZone(ZoneId.systemDefault())
                                    .getMinute()
                            % 15)
                    .isZero();

            at(Instant.parse("2026-11-23T08:00:00Z"));
            management.executeJob(timer.getId());
            Job send = management
                    .createJobQuery()
                    .processDefinitionKey(DigestProcess.PROCESS_ID)
                    .activityId(DigestProcess.SEND_DIGESTS)
                    .singleResult();
            management.executeJob(send.getId());

            assertThat(mail.subjectsFor("sam@loopkeeper.example"))
                    .containsExactly("[Loopkeeper] Your daily digest: 1 alert");
            assertThat(management
                            .createJobQuery()
                            .processDefinitionKey(DigestProcess.PROCESS_ID)
                            .timers()
                            .count())
                    .as("the next round's timer")
                    .isEqualTo(1);
        }
    }

    static final String DIGEST_TEST = "digest-test";

    /** A case that closed at the moment given, which the group took part in. */
    void closedCase(String customer, String group, Instant closedAt, String closedAs) {
        String id = UUID.randomUUID().toString();
        db.update(
                "insert into follow_up_case (id, status, segment, score, customer_external_id, customer_name, source,"
                        + " opened_at, closed_at, closed_as, version) values (?, 'CLOSED', 'DETRACTOR', 2, ?, ?, ?, ?,"
                        + " ?, ?, 0)",
                id,
                "C-" + id,
                customer,
                DIGEST_TEST,
                utc(closedAt.minusSeconds(86_400)),
                utc(closedAt),
                closedAs);
        db.update(
                "insert into case_participant (case_id, kind, participant, joined_at) values (?, 'group', ?, ?)",
                id,
                group,
                utc(closedAt));
    }

    static java.time.LocalDateTime utc(Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    void choose(String user, String event, AlertPreference.Choice choice) {
        preferences.save(new AlertPreference(user, AlertPreference.Every.DAILY, null, null, Map.of(event, choice)));
    }

    static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    static AlertEvent.Facts facts(int score) {
        return new AlertEvent.Facts(score <= 6 ? "detractor" : "passive", score, "", null, "EMEA", "", "", Map.of());
    }

    static AlertEvent caseOpened(UUID caseId, int score, String comment, Map<String, String> properties) {
        return new AlertEvent(
                AlertEvent.CASE_OPENED,
                DeliveryKey.ofCase(caseId, "new"),
                "new-case",
                "team-emea",
                new AlertEvent.Facts("detractor", score, "", null, "EMEA", "", comment, properties),
                "New detractor",
                comment);
    }

    static AlertEvent breach(UUID caseId) {
        return new AlertEvent(
                AlertEvent.BREACH,
                DeliveryKey.ofCase(caseId, "breach", SUNDAY_EVENING),
                "sla-breach",
                "team-emea",
                facts(2),
                "SLA breached",
                "The case was due.");
    }

    List<String> inApp(UUID caseId) {
        return db.queryForList(
                "select concat(coalesce(target_user, target_group), ':', kind) from staff_alert where case_id = ?",
                String.class,
                caseId.toString());
    }

    List<String> queued() {
        return db.queryForList(
                "select concat(recipient, ':', event) from alert_digest_item where sent_at is null order by queued_at",
                String.class);
    }
}
