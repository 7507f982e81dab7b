package dev.loopkeeper.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.StatementCounter;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.intake.CaseIntake;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What one SLA breach costs the database, from its timer to the supervisors' review task and alert (with the
 * pre-breach warning's timer, due by then too): the figure behind the backlog benchmark's "statements per breach",
 * counted one breach at a time, so a loaded machine cannot blur it. A ceiling, not an exact count (54 on H2 today,
 * two of them this test's own job lookups; 84 while the alert and the warning each had a job of their own). {@code -Dbreach.cost.list=true} prints the statements.
 */
@LoopkeeperTest
@Import(StatementCounter.class)
@TestPropertySource(properties = "loopkeeper.outreach.demo-mail-log-only=true")
class BreachCostTest {

    @Autowired
    CaseIntake intake;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aBreachFromItsTimerToTheReviewTaskStaysWithinItsStatements() {
        breach(); // warm: definitions and decisions cached, as in a backlog
        List<String> statements = breach();

        if (Boolean.getBoolean("breach.cost.list")) {
            statements.forEach(sql -> System.out.println("  breach: " + sql));
        }
        System.out.printf("Cost of one breach: %d statements%n", statements.size());
        assertThat(statements).as("statements of one breach").hasSizeLessThanOrEqualTo(62);
    }

    /** A detractor's case, acknowledged; then its SLA timer and every job it leads to, their statements listed. */
    private List<String> breach() {
        String caseId = intake.receive(TestResponses.withScore(2)).caseId().toString();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .singleResult()
                .getId();
        runJobs(instance);
        Job timer = management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId(ClosedLoop.SLA_BREACHED)
                .singleResult();
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        List<String> statements = new ArrayList<>(StatementCounter.statementsListedOf(() -> {
            management.executeJob(timer.getId());
            return null;
        }));
        statements.addAll(StatementCounter.statementsListedOf(() -> {
            runJobs(instance);
            return null;
        }));
        assertThat(runtime.getActiveActivityIds(instance)).contains(ClosedLoop.REVIEW_ESCALATION);
        return statements;
    }

    private void runJobs(String instance) {
        for (Job job = nextDue(instance); job != null; job = nextDue(instance)) {
            management.executeJob(job.getId());
        }
    }

    private Job nextDue(String instance) {
        return management.createJobQuery().processInstanceId(instance).executable().list().stream()
                .filter(job -> job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime()))
                .findFirst()
                .orElse(null);
    }
}
