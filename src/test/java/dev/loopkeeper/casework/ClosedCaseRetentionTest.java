package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.MailServer;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine forgets a closed case's process {@code loopkeeper.retention.closed-case-history} after it ended (here 30
 * days), through its own history cleanup; our case row, which reports count, stays.
 */
@LoopkeeperTest
class ClosedCaseRetentionTest {

    static final MailServer mail = MailServer.start();

    @DynamicPropertySource
    static void thirtyDaysAndAMailServer(DynamicPropertyRegistry registry) {
        registry.add("loopkeeper.retention.closed-case-history", () -> "P30D");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
    }

    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    static final Actor FIONA = new Actor("fiona", Set.of("frontline", "team-emea"));

    @Autowired
    CaseIntake intake;

    @Autowired
    Casework casework;

    @Autowired
    Taskwork taskwork;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcTemplate db;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void everyClosedLoopVersionKeepsItsHistoryForTheConfiguredDays() {
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(ClosedLoop.PROCESS_ID)
                        .list())
                .isNotEmpty()
                .allSatisfy(
                        version -> assertThat(version.getHistoryTimeToLive()).isEqualTo(30));
    }

    @Test
    void theCleanupRemovesAClosedCasesEngineHistoryAfterItsTimeToLiveAndKeepsOurCaseRow() {
        mail.ensureRunning();
        ClockUtil.setCurrentTime(Date.from(MONDAY));
        UUID caseId = resolvedCase();
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        assertThat(ended.getEndTime()).as("the case's process ended").isNotNull();
        assertThat(ended.getRemovalTime())
                .isEqualTo(Date.from(ended.getEndTime().toInstant().plus(Duration.ofDays(30))));

        cleanUpAt(ended.getEndTime().toInstant().plus(Duration.ofDays(29)));
        assertThat(historyOf(caseId)).as("kept before its time").isEqualTo(1);

        cleanUpAt(ended.getEndTime().toInstant().plus(Duration.ofDays(31)));
        assertThat(historyOf(caseId)).as("removed after it").isZero();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(ended.getId())
                        .count())
                .isZero();
        assertThat(db.queryForMap("select status, score, segment from follow_up_case where id = ?", caseId.toString()))
                .containsValues("CLOSED", 3, "DETRACTOR");
    }

    /** A detractor reached and their resolution logged: the loop closes and the process ends. */
    UUID resolvedCase() {
        UUID caseId = intake.receive(TestResponses.withScore(3)).caseId();
        String contact = openTask(caseId);
        taskwork.claim(contact, FIONA);
        casework.completeContact(contact, new ContactReport(Channel.PHONE, ContactOutcome.REACHED, "Sorted"), FIONA);
        taskwork.completeTask(openTask(caseId), CaseAccessContract.resolution(), FIONA);
        String instance = db.queryForObject(
                "select process_instance_id from follow_up_case where id = ?", String.class, caseId.toString());
        for (int round = 0; round < 20; round++) {
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .executable()
                    .list();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        return caseId;
    }

    String openTask(UUID caseId) {
        return casework.find(caseId).orElseThrow().openTasks().get(0).taskId();
    }

    /** The engine's history cleanup, run now at this time (outside its nightly window, as an operator may). */
    void cleanUpAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        Job cleanup = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());
    }

    long historyOf(UUID caseId) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .count();
    }
}
