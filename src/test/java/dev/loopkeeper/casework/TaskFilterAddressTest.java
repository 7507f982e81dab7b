package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tasklist's address carries its filter there and back, and any address reads as some filter. */
class TaskFilterAddressTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void aFilterWithEveryPartComesBackAsItWas() {
        TaskFilter filter = new TaskFilter(
                TaskView.BREACHED,
                Set.of(Segment.PROMOTER, Segment.DETRACTOR),
                ClosedLoop.LOG_RESOLUTION,
                "team-emea",
                "Madrid",
                "Broadband",
                "refund late",
                MADRID);

        Map<String, List<String>> parameters = TaskFilterAddress.parameters(filter);

        assertThat(parameters)
                .containsExactly(
                        Map.entry("view", List.of("breached")),
                        Map.entry("segment", List.of("detractor", "promoter")),
                        Map.entry("task", List.of(ClosedLoop.LOG_RESOLUTION)),
                        Map.entry("group", List.of("team-emea")),
                        Map.entry("location", List.of("Madrid")),
                        Map.entry("product", List.of("Broadband")),
                        Map.entry("q", List.of("refund late")));
        assertThat(TaskFilterAddress.filter(parameters, MADRID)).isEqualTo(filter);
    }

    @ParameterizedTest
    @EnumSource(TaskView.class)
    void everyViewAloneComesBackAndSaysNothingElse(TaskView view) {
        TaskFilter filter = TaskFilter.of(view);

        Map<String, List<String>> parameters = TaskFilterAddress.parameters(filter);

        assertThat(parameters).containsOnlyKeys("view");
        assertThat(TaskFilterAddress.filter(parameters, filter.zone())).isEqualTo(filter);
    }

    @Test
    void anEmptyAddressIsMyWork() {
        assertThat(TaskFilterAddress.filter(Map.of(), MADRID))
                .isEqualTo(new TaskFilter(TaskView.MY_WORK, Set.of(), null, null, null, null, null, MADRID));
    }

    @Test
    void anUnknownViewSegmentOrTaskIsLeftOutInsteadOfFailing() {
        TaskFilter read = TaskFilterAddress.filter(
                Map.of(
                        "view", List.of("everything"),
                        "segment", List.of("detractor", "DETRACTOR", "vip"),
                        "task", List.of("Task_DropTables")),
                MADRID);

        assertThat(read.view()).isEqualTo(TaskView.MY_WORK);
        assertThat(read.segments()).containsExactly(Segment.DETRACTOR);
        assertThat(read.taskKey()).isNull();
    }

    @Test
    void blankValuesDoNotFilterAndOnlyTheFirstOfARepeatedParameterCounts() {
        TaskFilter read = TaskFilterAddress.filter(
                Map.of(
                        "view", List.of("due-today", "breached"),
                        "group", List.of(" "),
                        "location", List.of(),
                        "q", List.of("refund", "hotline")),
                MADRID);

        assertThat(read.view()).isEqualTo(TaskView.DUE_TODAY);
        assertThat(read.group()).isNull();
        assertThat(read.location()).isNull();
        assertThat(read.text()).isEqualTo("refund");
    }

    @Test
    void theTasksOnOfferAreTheUserTasksOfBothModelsInTheLoopsOrder() {
        assertThat(TaskFilter.TASKS.values())
                .containsExactly(
                        "Contact customer",
                        "Log resolution",
                        "Thank promoter",
                        "Review escalation",
                        "Implement",
                        "Verify fix");
    }
}
