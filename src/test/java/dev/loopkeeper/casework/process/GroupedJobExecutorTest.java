package dev.loopkeeper.casework.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The grouped job executor on a real engine (H2 in memory): an acquisition round's jobs run a group to a
 * transaction, a group with a failing job runs again one job at a time with the engine's retries and incident,
 * and the exclusive jobs a group's jobs create for their own instances still run.
 */
class GroupedJobExecutorTest {

    private static final int INSTANCES = 40;
    private static final String FAILS = "fails";

    /** Which transaction (command context) ran each first step, and how often each instance's steps ran. */
    private final Map<String, Object> contextOfFirstStep = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> firstStepRuns = new ConcurrentHashMap<>();
    private final Set<String> secondStepDone = ConcurrentHashMap.newKeySet();

    private ProcessEngine engine;
    private GroupedJobExecutor executor;
    private ThreadPoolTaskExecutor threads;

    @BeforeEach
    void startEngine() {
        threads = new ThreadPoolTaskExecutor();
        threads.setCorePoolSize(4);
        threads.setMaxPoolSize(4);
        threads.setQueueCapacity(20);
        threads.initialize();
        executor = new GroupedJobExecutor();
        executor.setTaskExecutor(threads);
        executor.setMaxJobsPerAcquisition(40);
        executor.setJobsPerTransaction(10);
        executor.setWaitTimeInMillis(50);
        executor.setMaxWait(200);
        JavaDelegate first = execution -> {
            String key = execution.getBusinessKey();
            firstStepRuns.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            contextOfFirstStep.put(key, Context.getCommandContext());
            if (key.startsWith(FAILS)) {
                throw new IllegalStateException("this step always fails");
            }
            execution.setVariable("first", true);
        };
        JavaDelegate second = execution -> secondStepDone.add(execution.getBusinessKey());
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:grouped-jobs-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        configuration.setJobExecutor(executor);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(Map.of("first", first, "second", second));
        configuration.setProcessEngineName("grouped-jobs-" + System.nanoTime());
        engine = configuration.buildProcessEngine();
        BpmnModelInstance model = Bpmn.createExecutableProcess("twoSteps")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("first")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${first}")
                .serviceTask("second")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${second}")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("two-steps.bpmn", model)
                .deploy();
    }

    @AfterEach
    void stopEngine() {
        executor.shutdown();
        engine.close();
        threads.shutdown();
    }

    @Test
    void aRoundsJobsRunAGroupToATransactionAndTheirFollowUpsStillRun() {
        for (int i = 0; i < INSTANCES; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("twoSteps", "case-" + i);
        }

        executor.start();
        awaitNoJobsLeft();

        assertThat(secondStepDone).hasSize(INSTANCES);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count())
                .isZero();
        assertThat(firstStepRuns.values()).allSatisfy(runs -> assertThat(runs).hasValue(1));
        long transactions = contextOfFirstStep.values().stream().distinct().count();
        assertThat(transactions)
                .as("40 first steps acquired in one round of 40 run in four groups of ten, not 40 transactions")
                .isLessThanOrEqualTo(8);
    }

    @Test
    void aFailingJobCostsItsGroupOneMoreTryAndEndsInAnIncidentOfItsOwn() {
        for (int i = 0; i < INSTANCES - 1; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("twoSteps", "case-" + i);
        }
        engine.getRuntimeService().startProcessInstanceByKey("twoSteps", FAILS);

        executor.start();
        awaitUntil(() -> secondStepDone.size() == INSTANCES - 1
                && engine.getRuntimeService().createIncidentQuery().count() == 1);

        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .singleResult()
                        .getIncidentMessage())
                .isEqualTo("this step always fails");
        String failing = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(FAILS)
                .singleResult()
                .getId();
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(failing)
                        .singleResult()
                        .getRetries())
                .isZero();
        // the engine's three tries, each alone, after the one try in its group
        assertThat(firstStepRuns.get(FAILS)).hasValue(4);
        assertThat(secondStepDone).doesNotContain(FAILS);
        // the others ran once more at most (their group's try was rolled back), and each went on exactly once
        assertThat(firstStepRuns.entrySet())
                .filteredOn(e -> !e.getKey().equals(FAILS))
                .allSatisfy(e -> assertThat(e.getValue().get()).isBetween(1, 2));
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .variableName("first")
                        .count())
                .isEqualTo(INSTANCES - 1);
    }

    @Test
    void jobsCommittedOneAfterAnotherWhileItRunsAreAcquiredTogetherAfterTheHintDelay() {
        // only the hints may wake the acquisition here: its own idle rounds (every 50 ms in the other tests) would
        // take the jobs in whatever rounds they fall into. And the delay is longer than the 20 commits take even on
        // a slow, busy machine: once a round has found jobs the acquisition looks again at once, so jobs still
        // being committed after the first round would come one by one.
        executor.setWaitTimeInMillis(5_000);
        executor.setMaxWait(5_000);
        executor.setHintDelayMillis(2_000);
        executor.start();

        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("twoSteps", "case-" + i);
        }
        long committingMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        awaitNoJobsLeft();

        assertThat(secondStepDone).hasSize(20);
        assertThat(contextOfFirstStep.values().stream().distinct().count())
                .as(
                        "20 jobs committed one by one (in %d ms), each a hint: one round after the delay, not a round and"
                                + " a transaction each",
                        committingMillis)
                .isLessThanOrEqualTo(8);
    }

    @Test
    void aSmallRoundIsSpreadOverTheThreadsAndTheEnginesOwnBatchesStayWhole() {
        AcquiredJobs plain = new AcquiredJobs(10);
        plain.addJobIdBatch("a");
        plain.addJobIdBatch(List.of("b1", "b2", "b3"));
        plain.addJobIdBatch("c");
        plain.addJobIdBatch("d");
        plain.addJobIdBatch("e");

        assertThat(new AcquiredInGroups(plain, 4, 10).getJobIdBatches())
                .as("7 jobs over 4 threads: groups of 2, an exclusive batch of 3 whole")
                .containsExactly(List.of("a"), List.of("b1", "b2", "b3"), List.of("c", "d"), List.of("e"));
        assertThat(new AcquiredInGroups(plain, 1, 10).getJobIdBatches())
                .containsExactly(List.of("a", "b1", "b2", "b3", "c", "d", "e"));
        assertThat(new AcquiredInGroups(plain, 1, 3).getJobIdBatches())
                .containsExactly(List.of("a"), List.of("b1", "b2", "b3"), List.of("c", "d", "e"));

        AcquiredInGroups grouped = new AcquiredInGroups(plain, 1, 10);
        grouped.removeJobId("c");
        assertThat(grouped.getJobIdBatches())
                .as("a job another node locked first leaves its group")
                .containsExactly(List.of("a", "b1", "b2", "b3", "d", "e"));
    }

    private void awaitNoJobsLeft() {
        awaitUntil(() -> engine.getManagementService().createJobQuery().count() == 0);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("done within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
