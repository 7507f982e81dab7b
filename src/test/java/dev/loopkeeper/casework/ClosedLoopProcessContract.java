package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.loopkeeper.TestResponses;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sla.BreachLog;
import dev.loopkeeper.sla.BreachRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The closed loop from intake to end, on whatever database the subclass gives it. Drives the process
 * from wait state to wait state and asserts its effects in our tables, not just activity ids.
 */
abstract class ClosedLoopProcessContract {

    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CaseIntake intake;
    @Autowired
    Casework casework;
    @Autowired
    BreachLog breaches;

    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));
    final Actor sam = new Actor("sam", Set.of("supervisors"));

    @BeforeEach
    void startTheClock() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(MONDAY_9AM));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "score {0} is a {1}, contacted within {2}")
    @CsvSource({"0, detractor, PT24H", "6, detractor, PT24H", "7, passive, PT48H", "8, passive, PT48H",
            "9, promoter, P7D", "10, promoter, P7D"})
    void eachSegmentGetsItsContactTaskWithThePolicySla(int score, String segment, String within) {
        ProcessInstance loop = open(score);

        assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER)
                .hasPassed(ClosedLoop.DECIDE_POLICY, ClosedLoop.START_SLA_CLOCK)
                .variables().containsEntry(ClosedLoop.Vars.SEGMENT, segment)
                .containsEntry(ClosedLoop.Vars.OWNER_GROUP, "frontline");
        Task contact = task(loop);
        assertThat(contact).hasCandidateGroup("frontline").isNotAssigned();
        assertThat(contact.getDueDate().toInstant()).isEqualTo(MONDAY_9AM.plus(Duration.parse(within)));
        assertThat(job(loop).getDuedate().toInstant()).isEqualTo(MONDAY_9AM.plus(Duration.parse(within)));
    }

    @Test
    void contactWithinTheSlaClosesTheLoopWithoutABreach() {
        ProcessInstance loop = open(3);
        UUID caseId = UUID.fromString(loop.getBusinessKey());
        String taskId = task(loop).getId();

        ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofHours(2))));
        casework.claim(taskId, fiona);
        assertThat(task(loop)).isAssignedTo("fiona");
        casework.completeContact(taskId, new ContactReport(Channel.PHONE, ContactOutcome.REACHED, "Refund sent"), fiona);

        assertThat(loop).isEnded().hasPassed(ClosedLoop.CLOSE_CASE, ClosedLoop.LOOP_CLOSED)
                .hasNotPassed(ClosedLoop.RECORD_BREACH);
        CaseSummary closed = casework.find(caseId).orElseThrow();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(ContactOutcome.REACHED);
        assertThat(closed.firstContactAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(2)));
        assertThat(closed.openTasks()).isEmpty();
        assertThat(breaches.ofCase(caseId)).isEmpty();
    }

    @Test
    void aMissedSlaRecordsTheBreachAndEscalatesToSupervisorsWhileTheContactTaskStays() {
        ProcessInstance loop = open(2);
        UUID caseId = UUID.fromString(loop.getBusinessKey());
        String contactTask = task(loop).getId();
        casework.claim(contactTask, fiona);

        ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofHours(24)).plusSeconds(1)));
        execute(job(loop));

        assertThat(loop).isWaitingAt(ClosedLoop.CONTACT_CUSTOMER, ClosedLoop.REVIEW_ESCALATION)
                .hasPassed(ClosedLoop.RECORD_BREACH);
        BreachRecord breach = breaches.ofCase(caseId).get(0);
        assertThat(breach.dueAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(24)));
        assertThat(breach.breachedAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(breach.candidateGroup()).isEqualTo("frontline");
        assertThat(breach.assigneeAtBreach()).isEqualTo("fiona");
        assertThat(breach.acknowledgedBy()).isNull();
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(loop.getId())
                .taskDefinitionKey(ClosedLoop.REVIEW_ESCALATION).singleResult();
        assertThat(review).hasCandidateGroup("supervisors");
        assertThat(casework.find(caseId).orElseThrow().openTasks()).hasSize(2);

        // The late contact still closes the case; the supervisor's review ends the instance
        casework.completeContact(contactTask, new ContactReport(Channel.PHONE, ContactOutcome.REACHED, null), fiona);
        assertThat(casework.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(loop).isWaitingAt(ClosedLoop.REVIEW_ESCALATION);

        casework.claim(review.getId(), sam);
        casework.completeReview(review.getId(), "Talked to Fiona about the queue", sam);
        assertThat(loop).isEnded().hasPassed(ClosedLoop.ESCALATION_REVIEWED, ClosedLoop.LOOP_CLOSED);
        assertThat(breaches.ofCase(caseId).get(0).acknowledgedBy()).isEqualTo("sam");
    }

    @Test
    void theTimerDoesNotFireBeforeTheDueTime() {
        ProcessInstance loop = open(5);
        ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofHours(23))));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(loop.getId())
                .executable().count()).isZero();
    }

    private ProcessInstance open(int score) {
        UUID caseId = intake.receive(TestResponses.withScore(score)).caseId();
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString()).singleResult();
    }
}
