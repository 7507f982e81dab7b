package dev.loopkeeper.casework.process;

import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * The engine's acquisition, whose result hands the round's jobs out in groups ({@link AcquiredInGroups}). The
 * result replaces the engine's own list before the locks are flushed, so a job another node locked first still
 * drops out of its group.
 */
class GroupedAcquisition extends AcquireJobsCmd {

    private final int threads;
    private final int jobsPerTransaction;

    GroupedAcquisition(JobExecutor executor, int numJobs, int threads, int jobsPerTransaction) {
        super(executor, numJobs);
        this.threads = threads;
        this.jobsPerTransaction = jobsPerTransaction;
    }

    @Override
    public AcquiredJobs execute(CommandContext commandContext) {
        AcquiredJobs plain = super.execute(commandContext);
        acquiredJobs = new AcquiredInGroups(plain, threads, jobsPerTransaction);
        return acquiredJobs;
    }
}
