package dev.loopkeeper.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.intake.CaseIntake;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A storm of due SLA timers on a real MariaDB, worked off by the running job executor as production runs it: its
 * four threads take each acquisition round's jobs in groups, one transaction per group. Every case is breached
 * and escalated exactly once, no job fails, and the groups did commit together.
 */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
@TestPropertySource(
        properties = {"camunda.bpm.job-execution.enabled=true", "loopkeeper.outreach.demo-mail-log-only=true"})
@DirtiesContext
class BreachStormMariaDbIT {

    private static final int CASES = 120;

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }

    @Autowired
    CaseIntake intake;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyDueTimerOfAStormIsBreachedAndEscalatedOnceInGroupsThatCommitTogether() throws InterruptedException {
        for (int i = 0; i < CASES; i++) {
            intake.receive(TestResponses.withScore(i % 7));
        }
        int due = jdbc.update(
                "update ACT_RU_JOB set DUEDATE_ = ? where HANDLER_TYPE_ = 'timer-transition'"
                        + " and HANDLER_CFG_ like 'BoundaryEvent_SlaBreached%'",
                Timestamp.from(Instant.now().minusSeconds(60)));
        assertThat(due).as("one SLA timer per case").isEqualTo(CASES);
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor()
                .jobWasAdded();

        awaitUntil(
                () -> count("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_ReviewEscalation'") == CASES
                        && count("select count(*) from ACT_RU_JOB where TYPE_ = 'message'") == 0);

        assertThat(count("select count(*) from sla_breach"))
                .as("one breach row per timer")
                .isEqualTo(CASES);
        assertThat(count("select count(distinct case_id) from sla_breach")).isEqualTo(CASES);
        assertThat(count("select count(*) from ACT_RU_JOB where EXCEPTION_MSG_ is not null"))
                .as("no job failed")
                .isZero();
        assertThat(count("select count(*) from ACT_RU_INCIDENT")).isZero();
        assertThat(meters.counter("loopkeeper.jobs.groups", "outcome", "together")
                        .count())
                .as("groups of jobs committed together")
                .isPositive();
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("worked off within 3 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
