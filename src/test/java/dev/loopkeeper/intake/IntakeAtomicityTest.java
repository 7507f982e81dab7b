package dev.loopkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.TestResponses;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/** Intake is one transaction: a failure after the process started leaves no customer, response, case or task. */
@LoopkeeperTest
@Import(IntakeAtomicityTest.FailingAfterProcessStart.class)
class IntakeAtomicityTest {

    static final String FAILING_SOURCE = "failing-survey";

    @TestConfiguration
    static class FailingAfterProcessStart {

        @EventListener
        @Order(Ordered.LOWEST_PRECEDENCE)
        void on(FeedbackReceived response) {
            if (FAILING_SOURCE.equals(response.source())) {
                throw new IllegalStateException("a module downstream of intake failed");
            }
        }
    }

    @Autowired
    CaseIntake intake;

    @Autowired
    JdbcTemplate db;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    void aFailureAfterTheProcessStartedLeavesNothingBehind() {
        Map<String, Integer> before = counts();
        long instancesBefore = history.createHistoricProcessInstanceQuery().count();
        long runningBefore = runtime.createProcessInstanceQuery().count();
        ResponseSubmission good = TestResponses.withScore(2);
        ResponseSubmission failing = new ResponseSubmission(
                FAILING_SOURCE,
                good.sourceEventId(),
                good.respondedAt(),
                good.score(),
                good.comment(),
                good.customer(),
                good.properties());

        assertThatThrownBy(() -> intake.receive(failing)).hasMessageContaining("downstream of intake failed");

        assertThat(counts()).isEqualTo(before);
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(runningBefore);
    }

    @Test
    void theSameSubmissionFromAWorkingSourceGoesThrough() {
        Map<String, Integer> before = counts();

        intake.receive(TestResponses.withScore(2));

        assertThat(counts().get("feedback_response")).isEqualTo(before.get("feedback_response") + 1);
        assertThat(counts().get("open_task")).isEqualTo(before.get("open_task") + 1);
    }

    private Map<String, Integer> counts() {
        return Map.of(
                "customer", count("customer"),
                "feedback_response", count("feedback_response"),
                "response_property", count("response_property"),
                "follow_up_case", count("follow_up_case"),
                "open_task", count("open_task"));
    }

    private int count(String table) {
        return db.queryForObject("select count(*) from " + table, Integer.class);
    }
}
