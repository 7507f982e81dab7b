package dev.loopkeeper.casework.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;

/**
 * The jobs of one acquisition round, handed out in groups that each run in one transaction. The engine's own
 * batches (one job, or the exclusive jobs of one process instance) stay whole inside a group; a round is spread
 * over the threads first, so a small round still runs in parallel, and no group grows beyond
 * {@code jobsPerTransaction} unless one of the engine's batches alone is bigger.
 */
class AcquiredInGroups extends AcquiredJobs {

    private final int threads;
    private final int jobsPerTransaction;

    AcquiredInGroups(AcquiredJobs plain, int threads, int jobsPerTransaction) {
        super(plain.getNumberOfJobsAttemptedToAcquire());
        this.threads = threads;
        this.jobsPerTransaction = jobsPerTransaction;
        plain.getJobIdBatches().forEach(batch -> addJobIdBatch(new ArrayList<>(batch)));
    }

    /** Grouped when asked, that is after the acquisition's flush has removed the jobs it could not lock. */
    @Override
    public List<List<String>> getJobIdBatches() {
        List<List<String>> batches = super.getJobIdBatches();
        int perGroup = Math.max(1, Math.min(jobsPerTransaction, ceilDiv(size(), threads)));
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        for (List<String> batch : batches) {
            if (!group.isEmpty() && group.size() + batch.size() > perGroup) {
                groups.add(group);
                group = new ArrayList<>();
            }
            group.addAll(batch);
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
