package dev.loopkeeper.casework.process;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Camunda's job executor, but the jobs of one acquisition round run a group at a time in one transaction instead
 * of one transaction each: a storm of due SLA timers or a burst of acknowledgements then pays one commit, and one
 * batch of inserts per table, for a group. A group that fails runs again the engine's own way, one transaction
 * per job, with its retries and incidents ({@link JobGroupRun}). With {@code jobsPerTransaction} 1 it is the
 * stock executor.
 */
public class GroupedJobExecutor extends SpringJobExecutor {

    private volatile int jobsPerTransaction = 1;
    private volatile long hintDelayMillis;
    private final AtomicBoolean hintPending = new AtomicBoolean();
    /** Told of every group run: true if it committed together, false if it ran again one job at a time. */
    private volatile GroupOutcomes outcomes = together -> {};

    /** Where the outcome of each group goes (a metric). */
    interface GroupOutcomes {
        void ran(boolean together);
    }

    void setOutcomes(GroupOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    public int getJobsPerTransaction() {
        return jobsPerTransaction;
    }

    public void setJobsPerTransaction(int jobsPerTransaction) {
        if (jobsPerTransaction < 1) {
            throw new IllegalArgumentException("jobs per transaction must be at least 1, not " + jobsPerTransaction);
        }
        this.jobsPerTransaction = jobsPerTransaction;
    }

    public long getHintDelayMillis() {
        return hintDelayMillis;
    }

    /**
     * How long the acquisition waits after a new job was committed before it looks: the jobs committed meanwhile
     * (the acknowledgements of a burst of responses) are then acquired in one round and run in groups, instead of
     * one round and one transaction each. 0: at once, as the engine does.
     */
    public void setHintDelayMillis(long hintDelayMillis) {
        if (hintDelayMillis < 0) {
            throw new IllegalArgumentException("the hint delay cannot be negative: " + hintDelayMillis);
        }
        this.hintDelayMillis = hintDelayMillis;
    }

    @Override
    public void jobWasAdded() {
        long delay = hintDelayMillis;
        if (delay == 0) {
            super.jobWasAdded();
        } else if (hintPending.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(this::wakeAcquisition);
        }
    }

    private void wakeAcquisition() {
        hintPending.set(false);
        super.jobWasAdded();
    }

    @Override
    public Command<AcquiredJobs> getAcquireJobsCmd(int numJobs) {
        return jobsPerTransaction == 1
                ? super.getAcquireJobsCmd(numJobs)
                : new GroupedAcquisition(this, numJobs, threads(), jobsPerTransaction);
    }

    @Override
    public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl processEngine) {
        return jobIds.size() > 1 && jobsPerTransaction > 1
                ? new JobGroupRun(jobIds, processEngine, outcomes)
                : super.getExecuteJobsRunnable(jobIds, processEngine);
    }

    /** The threads that run jobs: a round is spread over all of them before a group grows. */
    private int threads() {
        TaskExecutor pool = getTaskExecutor();
        return pool instanceof ThreadPoolTaskExecutor threads ? Math.max(1, threads.getMaxPoolSize()) : 1;
    }
}
