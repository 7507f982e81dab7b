package dev.loopkeeper.bench;

import dev.loopkeeper.casework.process.GroupedJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The knobs of Camunda's job executor. The app's own executor can be swapped for the starter's defaults at
 * run time, so both settings drain a backlog in the same app, on the same tables, in the same run.
 */
record JobExecutorSettings(
        int corePoolSize,
        int maxPoolSize,
        int queueCapacity,
        int maxJobsPerAcquisition,
        int waitTimeInMillis,
        long maxWait,
        int lockTimeInMillis,
        int jobsPerTransaction,
        long hintDelayMillis) {

    /** camunda-bpm-spring-boot-starter's JobExecutionProperty and the engine's JobExecutor defaults. */
    static JobExecutorSettings stock() {
        return new JobExecutorSettings(3, 10, 3, 3, 5000, 60000, 300000, 1, 0);
    }

    /** Puts these settings on the (stopped) executor, with a thread pool of its own; returns the old pool. */
    TaskExecutor applyTo(JobExecutor executor) {
        SpringJobExecutor spring = (SpringJobExecutor) executor;
        TaskExecutor previous = spring.getTaskExecutor();
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(corePoolSize);
        pool.setMaxPoolSize(maxPoolSize);
        pool.setQueueCapacity(queueCapacity);
        pool.setThreadNamePrefix("bench-job-");
        pool.initialize();
        spring.setTaskExecutor(pool);
        configure(executor);
        return previous;
    }

    /** The executor's own settings, as the app configured them. */
    static JobExecutorSettings of(JobExecutor executor) {
        TaskExecutor pool = ((SpringJobExecutor) executor).getTaskExecutor();
        ThreadPoolTaskExecutor threads = (ThreadPoolTaskExecutor) pool;
        return new JobExecutorSettings(
                threads.getCorePoolSize(),
                threads.getMaxPoolSize(),
                threads.getQueueCapacity(),
                executor.getMaxJobsPerAcquisition(),
                executor.getWaitTimeInMillis(),
                executor.getMaxWait(),
                executor.getLockTimeInMillis(),
                ((GroupedJobExecutor) executor).getJobsPerTransaction(),
                ((GroupedJobExecutor) executor).getHintDelayMillis());
    }

    void restore(JobExecutor executor, TaskExecutor pool) {
        ((SpringJobExecutor) executor).setTaskExecutor(pool);
        configure(executor);
    }

    private void configure(JobExecutor executor) {
        executor.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
        executor.setWaitTimeInMillis(waitTimeInMillis);
        executor.setMaxWait(maxWait);
        executor.setLockTimeInMillis(lockTimeInMillis);
        ((GroupedJobExecutor) executor).setJobsPerTransaction(jobsPerTransaction);
        ((GroupedJobExecutor) executor).setHintDelayMillis(hintDelayMillis);
    }
}
