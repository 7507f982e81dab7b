package dev.loopkeeper.modeling;

import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sharedkernel.audit.Audited;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Moves running cases from an old version of a process to a new one with the engine's migration API: a plan
 * that maps activities with equal ids, validated by the engine, executed as a batch by the job executor.
 */
@Service
public class InstanceMigration {

    private static final int SAMPLE = 20;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ModelLibrary library;

    private final ApplicationEventPublisher events;

    InstanceMigration(
            RuntimeService runtime,
            ManagementService management,
            ModelLibrary library,
            ApplicationEventPublisher events) {
        this.events = events;
        this.runtime = runtime;
        this.management = management;
        this.library = library;
    }

    public MigrationPreview preview(String sourceDefinitionId, String targetDefinitionId) {
        ModelVersion source = process(sourceDefinitionId);
        ModelVersion target = process(targetDefinitionId);
        List<String> problems = new ArrayList<>();
        List<MigrationPreview.Mapping> mappings = new ArrayList<>();
        if (!source.key().equals(target.key())) {
            problems.add(
                    "Instances move between versions of one process, not from " + source.key() + " to " + target.key());
        } else {
            try {
                plan(sourceDefinitionId, targetDefinitionId)
                        .getInstructions()
                        .forEach(i -> mappings.add(
                                new MigrationPreview.Mapping(i.getSourceActivityId(), i.getTargetActivityId())));
            } catch (MigrationPlanValidationException invalid) {
                for (MigrationInstructionValidationReport report :
                        invalid.getValidationReport().getInstructionReports()) {
                    report.getFailures()
                            .forEach(f -> problems.add(
                                    report.getMigrationInstruction().getSourceActivityId() + " → "
                                            + report.getMigrationInstruction().getTargetActivityId() + ": " + f));
                }
                invalid.getValidationReport()
                        .getVariableReports()
                        .forEach((variable, report) ->
                                report.getFailures().forEach(f -> problems.add("variable " + variable + ": " + f)));
                if (problems.isEmpty()) {
                    problems.add(invalid.getMessage());
                }
            }
        }
        List<MigrationPreview.Waiting> waiting =
                management.createActivityStatisticsQuery(sourceDefinitionId).list().stream()
                        .map(s -> new MigrationPreview.Waiting(s.getId(), s.getInstances()))
                        .toList();
        List<String> sample = runtime
                .createProcessInstanceQuery()
                .processDefinitionId(sourceDefinitionId)
                .orderByBusinessKey()
                .asc()
                .listPage(0, SAMPLE)
                .stream()
                .map(p -> p.getBusinessKey() == null ? p.getId() : p.getBusinessKey())
                .toList();
        return new MigrationPreview(source, target, mappings, problems, source.runningInstances(), waiting, sample);
    }

    /** Starts moving every running instance of the source version; returns the batch id to follow. */
    public String start(Actor actor, String sourceDefinitionId, String targetDefinitionId) {
        ModelAccess.requireModeler(actor);
        MigrationPreview preview = preview(sourceDefinitionId, targetDefinitionId);
        if (!preview.problems().isEmpty()) {
            throw new IllegalStateException(
                    "The migration plan is not valid: " + String.join("; ", preview.problems()));
        }
        if (preview.instances() == 0) {
            throw new IllegalStateException("Version " + preview.source().version() + " has no running instances");
        }
        Batch batch = runtime.newMigration(plan(sourceDefinitionId, targetDefinitionId))
                .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(sourceDefinitionId))
                .executeAsync();
        events.publishEvent(Audited.of(actor.userId(), AuditAction.MIGRATE, sourceDefinitionId)
                .detail(preview.instances() + " instances to " + targetDefinitionId + ", batch " + batch.getId()));
        return batch.getId();
    }

    /** Where the batch stands; once the engine has removed it, done. */
    public MigrationProgress progress(String batchId, String sourceDefinitionId) {
        long stillOnSource = runtime.createProcessInstanceQuery()
                .processDefinitionId(sourceDefinitionId)
                .count();
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        if (batch == null) {
            return new MigrationProgress(batchId, 0, 0, 0, true, List.of(), stillOnSource);
        }
        BatchStatistics statistics =
                management.createBatchStatisticsQuery().batchId(batchId).singleResult();
        List<String> failures =
                management
                        .createJobQuery()
                        .jobDefinitionId(batch.getBatchJobDefinitionId())
                        .withException()
                        .list()
                        .stream()
                        .map(Job::getExceptionMessage)
                        .toList();
        int completed = statistics == null ? 0 : statistics.getCompletedJobs();
        int failed = statistics == null ? 0 : statistics.getFailedJobs();
        // A batch whose jobs all ran but some failed stays until someone retries or deletes them
        boolean done = statistics != null
                && batch.getJobsCreated() == batch.getTotalJobs()
                && statistics.getRemainingJobs() == statistics.getFailedJobs();
        return new MigrationProgress(batchId, batch.getTotalJobs(), completed, failed, done, failures, stillOnSource);
    }

    private MigrationPlan plan(String sourceDefinitionId, String targetDefinitionId) {
        return runtime.createMigrationPlan(sourceDefinitionId, targetDefinitionId)
                .mapEqualActivities()
                .build();
    }

    private ModelVersion process(String definitionId) {
        return library.version(definitionId)
                .filter(v -> v.kind() == ModelKind.PROCESS)
                .orElseThrow(() -> new IllegalArgumentException("No process version " + definitionId));
    }
}
