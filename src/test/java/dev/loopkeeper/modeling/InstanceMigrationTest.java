package dev.loopkeeper.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.sharedkernel.Actor;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner shortens the detractor SLA in the policy table and deploys it; the cases already waiting
 * in "Contact customer" move to the new process version with the engine's migration API, and a new detractor
 * is due by the new SLA.
 */
@LoopkeeperTest
class InstanceMigrationTest {

    static final Actor PAULA = new Actor("paula", Set.of("process-owners"));
    /** Monday 23 November 2026, 10:00 in New York: inside US business hours. */
    static final Instant MONDAY_10AM_NEW_YORK = Instant.parse("2026-11-23T15:00:00Z");

    static final String DETRACTOR_CONTACT_WITHIN =
            "<outputEntry id=\"LiteralExpression_Detractor_contactWithin\"><text>\"PT24H\"</text></outputEntry>";

    @Autowired
    CaseIntake intake;

    @Autowired
    ModelLibrary library;

    @Autowired
    Drafts drafts;

    @Autowired
    ModelDeployment deployment;

    @Autowired
    InstanceMigration migration;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    ModelVersion originalPolicy;

    @BeforeEach
    void fixTheClock() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_10AM_NEW_YORK));
        originalPolicy = library.model(ModelKind.DECISION, ClosedLoop.POLICY_DECISION)
                .orElseThrow()
                .latest();
    }

    @AfterEach
    void restoreThePolicyAndTheClock() {
        // Other tests share this application context: they expect the policy we ship
        if (!library.model(ModelKind.DECISION, ClosedLoop.POLICY_DECISION)
                .orElseThrow()
                .latest()
                .definitionId()
                .equals(originalPolicy.definitionId())) {
            deployment.rollBack(PAULA, originalPolicy.definitionId(), "Test over");
        }
        ClockUtil.reset();
    }

    @Test
    void casesWaitingForContactMoveToTheVersionWithTheNewSla() {
        ModelVersion before = library.model(ModelKind.PROCESS, ClosedLoop.PROCESS_ID)
                .orElseThrow()
                .latest();
        List<ProcessInstance> waiting = List.of(detractor(), detractor());
        waiting.forEach(i -> assertThat(contactTask(i).getDueDate().toInstant())
                .as("24 business hours: the same time on the next working day")
                .isEqualTo(Instant.parse("2026-11-24T15:00:00Z")));

        Draft draft = drafts.open(PAULA, originalPolicy.definitionId());
        assertThat(draft.content()).contains(DETRACTOR_CONTACT_WITHIN);
        drafts.save(
                PAULA,
                draft.id(),
                draft.content().replace(DETRACTOR_CONTACT_WITHIN, DETRACTOR_CONTACT_WITHIN.replace("PT24H", "PT4H")));
        DeployedVersion deployed = deployment.deploy(PAULA, draft.id(), "Detractors within 4 business hours");
        ModelVersion after = deployed.bundle().stream()
                .filter(v -> v.key().equals(ClosedLoop.PROCESS_ID))
                .findFirst()
                .orElseThrow();
        assertThat(after.version()).isEqualTo(before.version() + 1);

        MigrationPreview preview = migration.preview(before.definitionId(), after.definitionId());
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.mappings())
                .contains(new MigrationPreview.Mapping(ClosedLoop.CONTACT_CUSTOMER, ClosedLoop.CONTACT_CUSTOMER));
        assertThat(preview.instances()).isGreaterThanOrEqualTo(2);
        assertThat(preview.waiting()).anySatisfy(w -> {
            assertThat(w.activityId()).isEqualTo(ClosedLoop.CONTACT_CUSTOMER);
            assertThat(w.instances()).isGreaterThanOrEqualTo(2);
        });
        assertThat(preview.sample()).contains(waiting.get(0).getBusinessKey());

        String batchId = migration.start(PAULA, before.definitionId(), after.definitionId());
        assertThat(migration.progress(batchId, before.definitionId()).done()).isFalse();
        runBatch(batchId);

        MigrationProgress progress = migration.progress(batchId, before.definitionId());
        assertThat(progress.done()).isTrue();
        assertThat(progress.failures()).isEmpty();
        assertThat(progress.stillOnSource()).isZero();
        for (ProcessInstance instance : waiting) {
            ProcessInstance moved = runtime.createProcessInstanceQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
            assertThat(moved.getProcessDefinitionId()).isEqualTo(after.definitionId());
            assertThat(contactTask(moved).getProcessDefinitionId()).isEqualTo(after.definitionId());
            assertThat(contactTask(moved).getDueDate().toInstant())
                    .as("a migrated case keeps the due date it had")
                    .isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        }

        ProcessInstance fresh = detractor();
        assertThat(fresh.getProcessDefinitionId()).isEqualTo(after.definitionId());
        assertThat(runtime.getVariable(fresh.getId(), ClosedLoop.Vars.CONTACT_WITHIN))
                .isEqualTo("PT4H");
        assertThat(contactTask(fresh).getDueDate().toInstant())
                .as("10:00 plus 4 business hours")
                .isEqualTo(Instant.parse("2026-11-23T19:00:00Z"));
    }

    /** A detractor from the US who is not a high-value customer: the general detractor rule applies. */
    private ProcessInstance detractor() {
        UUID caseId = intake.receive(TestResponses.customer(
                        3, "Dana Miller", "silver", "US", "dana@example.com", "+1 212 555 0100", "Nobody called back"))
                .caseId();
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .processDefinitionKey(ClosedLoop.PROCESS_ID)
                .singleResult();
    }

    private Task contactTask(ProcessInstance instance) {
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(ClosedLoop.CONTACT_CUSTOMER)
                .singleResult();
    }

    /** What the job executor would do: the seed job, the migration jobs, then the monitor job. */
    private void runBatch(String batchId) {
        for (int round = 0; round < 20; round++) {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return;
            }
            for (String definition : List.of(
                    batch.getSeedJobDefinitionId(),
                    batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                for (Job job :
                        management.createJobQuery().jobDefinitionId(definition).list()) {
                    management.executeJob(job.getId());
                }
            }
        }
        throw new AssertionError("The migration batch did not finish");
    }
}
