package dev.loopkeeper.casework.process;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.ProcessDataContext;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.util.ClassLoaderUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a group of acquired jobs in one transaction: each job is the engine's own {@link ExecuteJobsCmd}, nested in
 * one outer command, so they share its command context, its flush and its commit. If any job fails, the whole
 * group is rolled back and every job of it runs again the engine's own way ({@link ExecuteJobsRunnable}: one
 * transaction each, a failure counted against that job's retries and turned into an incident at the end). So a
 * failing job costs its group one more try, as a failing job costs itself a retry anyway; what a job sends outside
 * the transaction is guarded by the send-once log like any retried job.
 */
class JobGroupRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(JobGroupRun.class);

    private final List<String> jobIds;
    private final ProcessEngineImpl engine;
    private final JobExecutor jobExecutor;
    private final GroupedJobExecutor.GroupOutcomes outcomes;

    JobGroupRun(List<String> jobIds, ProcessEngineImpl engine, GroupedJobExecutor.GroupOutcomes outcomes) {
        this.jobIds = List.copyOf(jobIds);
        this.engine = engine;
        this.jobExecutor = engine.getProcessEngineConfiguration().getJobExecutor();
        this.outcomes = outcomes;
    }

    @Override
    public void run() {
        if (!jobExecutor.isActive()) {
            // shutting down: the engine's own runnable unlocks the jobs for another node
            new ExecuteJobsRunnable(jobIds, engine).run();
            return;
        }
        Optional<List<String>> committed = runTogether();
        outcomes.ran(committed.isPresent());
        if (committed.isEmpty()) {
            new ExecuteJobsRunnable(jobIds, engine).run();
            return;
        }
        // exclusive jobs the group's jobs created for their own process instances, locked for this thread
        List<String> followUps = committed.get();
        if (followUps.size() > 1) {
            new JobGroupRun(followUps, engine, outcomes).run();
        } else if (followUps.size() == 1) {
            new ExecuteJobsRunnable(followUps, engine).run();
        } else {
            jobExecutor.jobWasAdded();
        }
    }

    /** @return the follow-up jobs if the group committed; empty if it failed and was rolled back */
    private Optional<List<String>> runTogether() {
        ProcessEngineConfigurationImpl configuration = engine.getProcessEngineConfiguration();
        CommandExecutor commands = configuration.getCommandExecutorTxRequired();
        JobExecutorContext context = new JobExecutorContext();
        Context.setJobExecutorContext(context);
        ClassLoader before = ClassLoaderUtil.switchToProcessEngineClassloader();
        try {
            commands.execute(commandContext -> {
                for (String jobId : jobIds) {
                    commands.execute(new ExecuteJobsCmd(jobId, new JobFailureCollector(jobId)));
                }
                return null;
            });
            if (configuration.isMetricsEnabled()) {
                configuration.getMetricsRegistry().markOccurrence(Metrics.JOB_SUCCESSFUL, jobIds.size());
            }
            return Optional.of(List.copyOf(context.getCurrentProcessorJobQueue()));
        } catch (RuntimeException failed) {
            log.debug(
                    "A group of {} jobs failed together; running them one by one: {}",
                    jobIds.size(),
                    failed.toString());
            return Optional.empty();
        } finally {
            Context.removeJobExecutorContext();
            ClassLoaderUtil.setContextClassloader(before);
            new ProcessDataContext(configuration).clearMdc();
        }
    }
}
