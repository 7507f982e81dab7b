package dev.loopkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.StatementCounter;
import dev.loopkeeper.TestResponses;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What one detractor costs the database, request and acknowledgement apart: the figure behind the intake benchmark's
 * "statements per response", counted without timing, so a loaded machine cannot blur it. A ceiling, not an exact
 * count: more work on the hot path must be a decision, seen here.
 */
@LoopkeeperTest
@Import(StatementCounter.class)
// as the benchmark runs it: emails go to the log, so the count is the database's work, not a mail server's
@TestPropertySource(properties = "loopkeeper.outreach.demo-mail-log-only=true")
class IntakeCostTest {

    @Autowired
    CaseIntake intake;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void aDetractorsRequestAndItsAcknowledgementStayWithinTheirStatements() {
        intake.receive(TestResponses.withScore(2)); // warm: definitions and decisions cached, as in production
        List<String> before =
                management.createJobQuery().list().stream().map(Job::getId).toList();

        String[] caseId = new String[1];
        int request = StatementCounter.statementsOf(() ->
                caseId[0] = intake.receive(TestResponses.withScore(3)).caseId().toString());
        String processInstance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId[0])
                .singleResult()
                .getId();
        Job acknowledgement =
                management.createJobQuery().processInstanceId(processInstance).executable().list().stream()
                        .filter(j -> !before.contains(j.getId()))
                        .findFirst()
                        .orElseThrow();
        int job;
        if (Boolean.getBoolean("intake.cost.list")) {
            List<String> sql = StatementCounter.statementsListedOf(() -> {
                management.executeJob(acknowledgement.getId());
                return null;
            });
            sql.forEach(statement -> System.out.println("  job: " + statement));
            job = sql.size();
        } else {
            job = StatementCounter.statementsOf(() -> {
                management.executeJob(acknowledgement.getId());
                return null;
            });
        }

        System.out.printf(
                "Intake cost of one detractor: request %d statements, acknowledgement job %d%n", request, job);
        if (Boolean.getBoolean("intake.cost.list")) {
            StatementCounter.statementsListedOf(() -> intake.receive(TestResponses.withScore(4)))
                    .forEach(sql -> System.out.println("  request: " + sql));
        }
        assertThat(request).as("statements of the request").isLessThanOrEqualTo(36);
        assertThat(job).as("statements of the acknowledgement job").isLessThanOrEqualTo(36);
    }
}
