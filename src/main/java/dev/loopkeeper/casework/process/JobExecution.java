package dev.loopkeeper.casework.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * The engine's job executor: the starter's, configured from the same {@code camunda.bpm.job-execution} settings,
 * that runs each acquisition round's jobs in groups ({@link GroupedJobExecutor}), at most
 * {@code loopkeeper.job-execution.jobs-per-transaction} to a transaction (1: the stock executor), and that looks
 * for new jobs {@code loopkeeper.job-execution.hint-delay} after one was committed (0: at once).
 */
@Configuration(proxyBeanMethods = false)
class JobExecution {

    @Bean
    @ConditionalOnProperty(
            prefix = "camunda.bpm.job-execution",
            name = "enabled",
            havingValue = "true",
            matchIfMissing = true)
    static JobExecutor jobExecutor(
            @Qualifier("camundaTaskExecutor") TaskExecutor threads,
            CamundaBpmProperties properties,
            @Value("${loopkeeper.job-execution.jobs-per-transaction:1}") int jobsPerTransaction,
            @Value("${loopkeeper.job-execution.hint-delay:PT0S}") Duration hintDelay,
            ObjectProvider<MeterRegistry> meters) {
        GroupedJobExecutor executor = new GroupedJobExecutor();
        executor.setTaskExecutor(threads);
        executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
        executor.setJobsPerTransaction(jobsPerTransaction);
        executor.setHintDelayMillis(hintDelay.toMillis());
        meters.ifAvailable(registry -> {
            Counter together = groups(registry, "together");
            Counter alone = groups(registry, "one-by-one");
            executor.setOutcomes(ran -> (ran ? together : alone).increment());
        });
        JobExecutionProperty settings = properties.getJobExecution();
        Optional.ofNullable(settings.getLockTimeInMillis()).ifPresent(executor::setLockTimeInMillis);
        Optional.ofNullable(settings.getMaxJobsPerAcquisition()).ifPresent(executor::setMaxJobsPerAcquisition);
        Optional.ofNullable(settings.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
        Optional.ofNullable(settings.getMaxWait()).ifPresent(executor::setMaxWait);
        Optional.ofNullable(settings.getBackoffTimeInMillis()).ifPresent(executor::setBackoffTimeInMillis);
        Optional.ofNullable(settings.getMaxBackoff()).ifPresent(executor::setMaxBackoff);
        Optional.ofNullable(settings.getBackoffDecreaseThreshold()).ifPresent(executor::setBackoffDecreaseThreshold);
        Optional.ofNullable(settings.getWaitIncreaseFactor()).ifPresent(executor::setWaitIncreaseFactor);
        return executor;
    }

    private static Counter groups(MeterRegistry registry, String outcome) {
        return Counter.builder("loopkeeper.jobs.groups")
                .description("Groups of jobs run in one transaction; one-by-one: a job failed, the group ran again"
                        + " one job per transaction")
                .tag("outcome", outcome)
                .register(registry);
    }
}
