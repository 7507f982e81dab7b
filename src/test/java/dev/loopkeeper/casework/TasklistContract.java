package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopkeeper.StatementCounter;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Segment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The tasklist's views, filters, search, sorting and paging, computed in the database, on whatever
 * database the subclass gives it. Each test works in a location of its own, so other tests' cases never
 * show up in its lists.
 */
@Import(StatementCounter.class)
abstract class TasklistContract {

    /** Monday 23 November 2026, 10:00 in New York (the US region: US cases are due in US business time). */
    static final Instant MONDAY = Instant.parse("2026-11-23T15:00:00Z");

    @Autowired
    CaseIntake intake;

    @Autowired
    Casework casework;

    @Autowired
    Taskwork taskwork;

    @Autowired
    Tasklist tasklist;

    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));
    final Actor frank = new Actor("frank", Set.of("frontline", "team-emea"));
    final Actor sam = new Actor("sam", Set.of("supervisors"));
    final Actor olga = new Actor("olga", Set.of("team-apac"));
    String here;

    @BeforeEach
    void aPlaceOfItsOwn() {
        here = "Loc-" + UUID.randomUUID();
        ClockUtil.setCurrentTime(Date.from(MONDAY));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void myWorkIsMineAndMyGroupsUnclaimedAndMyCasesOnlyMine() {
        UUID mine = open(3, "Mine Customer");
        UUID free = open(4, "Free Customer");
        UUID franks = open(5, "Franks Customer");
        taskwork.claim(contactTaskOf(mine), fiona);
        taskwork.claim(contactTaskOf(franks), frank);

        assertThat(names(fiona, TaskView.MY_WORK)).containsExactlyInAnyOrder("Mine Customer", "Free Customer");
        assertThat(names(fiona, TaskView.MINE)).containsExactly("Mine Customer");
        assertThat(names(fiona, TaskView.UNCLAIMED)).containsExactly("Free Customer");
        assertThat(names(fiona, TaskView.ALL_OPEN))
                .containsExactlyInAnyOrder("Mine Customer", "Free Customer", "Franks Customer");
        assertThat(names(olga, TaskView.ALL_OPEN)).isEmpty();
        assertThat(names(sam, TaskView.ALL_OPEN)).hasSize(3);
        assertThat(free).isNotNull();

        // a search narrows whose work it is in the same way: one statement led by the search, not one per branch
        TaskFilter customers = filter(TaskView.MY_WORK).text("customer").build();
        assertThat(tasklist.page(fiona, customers, PageRequest.of(0, 100)))
                .extracting(TaskRow::customerName)
                .containsExactlyInAnyOrder("Mine Customer", "Free Customer");
        assertThat(tasklist.count(fiona, customers)).isEqualTo(2);
        assertThat(tasklist.page(frank, customers, PageRequest.of(0, 100)))
                .extracting(TaskRow::customerName)
                .containsExactlyInAnyOrder("Franks Customer", "Free Customer");
        assertThat(tasklist.page(olga, customers, PageRequest.of(0, 100))).isEmpty();
    }

    @Test
    void dueTodayAndBreachedFollowTheClock() {
        open(1, "Gold Detractor", "gold"); // 4 business hours: due today at 14:00 New York
        open(7, "Passive Pat", "standard"); // 48 business hours: Wednesday

        assertThat(names(fiona, TaskView.DUE_TODAY)).containsExactly("Gold Detractor");
        assertThat(names(fiona, TaskView.BREACHED)).isEmpty();

        ClockUtil.setCurrentTime(Date.from(MONDAY.plus(Duration.ofHours(5))));
        assertThat(names(fiona, TaskView.BREACHED)).containsExactly("Gold Detractor");
    }

    @Test
    void filtersNarrowBySegmentTaskGroupAndPlace() {
        open(2, "Detractor Dan");
        open(8, "Passive Pia");
        open(10, "Promoter Paul", "gold");

        assertThat(names(filter(TaskView.MY_WORK)
                        .segments(Set.of(Segment.DETRACTOR, Segment.PASSIVE))
                        .build()))
                .containsExactlyInAnyOrder("Detractor Dan", "Passive Pia");
        assertThat(names(filter(TaskView.MY_WORK)
                        .taskKey(ClosedLoop.LOG_RESOLUTION)
                        .build()))
                .isEmpty();
        assertThat(names(filter(TaskView.MY_WORK).group("frontline").build())).hasSize(3);
        assertThat(names(filter(TaskView.MY_WORK).group("team-emea").build())).isEmpty();
        assertThat(names(filter(TaskView.MY_WORK).product("Mobile").build())).isEmpty();
        assertThat(tasklist.openLocations()).contains(here);
    }

    @Test
    void searchFindsEveryWordInNameOrCommentWhateverTheCase() {
        open(3, "Maria Lopez", "standard", "The REFUND never arrived");
        open(4, "Tom Becker", "standard", "Technician was late");
        open(5, "Lopez Junior", "standard", "100% wrong_invoice");

        assertThat(names(filter(TaskView.MY_WORK).text("lopez").build()))
                .containsExactlyInAnyOrder("Maria Lopez", "Lopez Junior");
        assertThat(names(filter(TaskView.MY_WORK).text("lopez refund").build())).containsExactly("Maria Lopez");
        assertThat(names(filter(TaskView.MY_WORK).text("LATE").build())).containsExactly("Tom Becker");
        // % and _ are searched for, not wildcards
        assertThat(names(filter(TaskView.MY_WORK).text("100%").build())).containsExactly("Lopez Junior");
        assertThat(names(filter(TaskView.MY_WORK).text("g_i").build())).containsExactly("Lopez Junior");
        assertThat(names(filter(TaskView.MY_WORK).text("%").build())).containsExactly("Lopez Junior");
    }

    @Test
    void pagesAreSortedInTheDatabaseAndNeverRepeatOrSkipATask() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = "Customer " + (char) ('G' - i);
            open(i % 7, name);
            expected.add(name);
        }
        TaskFilter mine = filter(TaskView.MY_WORK).build();

        List<String> byName = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            tasklist.page(fiona, mine, PageRequest.of(page, 3, Sort.by("customerName")))
                    .forEach(row -> byName.add(row.customerName()));
        }
        assertThat(byName).containsExactlyElementsOf(expected.stream().sorted().toList());
        List<TaskRow> byDueDesc = tasklist.page(fiona, mine, PageRequest.of(0, 10, Sort.by(Sort.Order.desc("dueAt"))));
        assertThat(byDueDesc).extracting(TaskRow::dueAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThatThrownBy(() -> tasklist.page(fiona, mine, PageRequest.of(0, 10, Sort.by("comment"))))
                .hasMessageContaining("Cannot sort the tasklist by comment");
    }

    @Test
    void aPageCostsTwoStatementsHoweverManyTasksItShows() {
        open(3, "Only One");
        TaskFilter mine = filter(TaskView.MY_WORK).text("lo").build();
        int small = StatementCounter.statementsOf(() -> page(mine, 50));
        for (int i = 0; i < 12; i++) {
            open(i % 7, "Many " + i); // detractors: each gets a contact task
        }
        TaskFilter everything = filter(TaskView.MY_WORK).build();

        int large = StatementCounter.statementsOf(() -> page(everything, 50));

        assertThat(small).isEqualTo(2);
        assertThat(large).isEqualTo(2);
        assertThat(page(everything, 50)).hasSize(13);
    }

    @Test
    void aDelegatedTaskComesBackToItsOwner() {
        UUID caseId = open(3, "Delegated Dora");
        String task = contactTaskOf(caseId);
        taskwork.claim(task, fiona);

        taskwork.delegate(task, "frank", fiona);
        assertThat(names(frank, TaskView.MINE)).containsExactly("Delegated Dora");
        TaskRow delegated = tasklist.page(frank, filter(TaskView.MINE).build(), PageRequest.of(0, 5))
                .get(0);
        assertThat(delegated.isDelegated()).isTrue();
        assertThat(delegated.owner()).isEqualTo("fiona");
        assertThatThrownBy(() -> casework.completeContact(
                        task,
                        new ContactReport(dev.loopkeeper.sharedkernel.Channel.PHONE, ContactOutcome.REACHED, null),
                        frank))
                .isInstanceOf(TaskNotAvailable.class)
                .hasMessage("fiona delegated this task to you: hand it back when you are done");

        taskwork.handBack(task, frank);
        assertThat(names(fiona, TaskView.MINE)).containsExactly("Delegated Dora");
        assertThat(names(frank, TaskView.MINE)).isEmpty();
    }

    @Test
    void reassigningStaysWithinTheTasksGroup() {
        String task = contactTaskOf(open(3, "Reassigned Rita"));
        taskwork.claim(task, fiona);

        assertThatThrownBy(() -> taskwork.reassign(task, "sam", fiona))
                .isInstanceOf(TaskNotAvailable.class)
                .hasMessage("sam is not in frontline, the task's group");
        assertThatThrownBy(() -> taskwork.reassign(task, "fiona", frank)).isInstanceOf(TaskNotAvailable.class);
        taskwork.reassign(task, "frank", fiona);

        assertThat(names(frank, TaskView.MINE)).containsExactly("Reassigned Rita");
        assertThat(taskwork.colleaguesFor(task, frank)).contains("fiona").doesNotContain("frank", "sam");
    }

    @Test
    void bulkClaimTakesWhatIsFreeAndSaysWhatWasNot() {
        String a = contactTaskOf(open(3, "Bulk A"));
        String b = contactTaskOf(open(3, "Bulk B"));
        String c = contactTaskOf(open(3, "Bulk C"));
        taskwork.claim(b, frank);

        BulkOutcome outcome = taskwork.claimAll(List.of(a, b, c), fiona);

        assertThat(outcome.done()).containsExactly(a, c);
        assertThat(outcome.refused()).containsEntry(b, "Already claimed by frank");
        assertThat(names(fiona, TaskView.MINE)).containsExactlyInAnyOrder("Bulk A", "Bulk C");

        BulkOutcome moved = taskwork.reassignAll(List.of(a, c), "frank", fiona);
        assertThat(moved.done()).containsExactly(a, c);
        assertThat(names(frank, TaskView.MINE)).containsExactlyInAnyOrder("Bulk A", "Bulk B", "Bulk C");
    }

    // ---------------------------------------------------------------------------------------------------

    UUID open(int score, String name) {
        return open(score, name, "standard");
    }

    UUID open(int score, String name, String tier) {
        return open(score, name, tier, "Some comment");
    }

    UUID open(int score, String name, String tier, String comment) {
        return intake.receive(TestResponses.at(here, score, name, comment, tier))
                .caseId();
    }

    String contactTaskOf(UUID caseId) {
        return casework.find(caseId).orElseThrow().openTasks().get(0).taskId();
    }

    List<String> names(Actor actor, TaskView view) {
        return tasklist.page(actor, filter(view).build(), PageRequest.of(0, 100)).stream()
                .map(TaskRow::customerName)
                .toList();
    }

    List<String> names(TaskFilter filter) {
        return page(filter, 100).stream().map(TaskRow::customerName).toList();
    }

    List<TaskRow> page(TaskFilter filter, int size) {
        List<TaskRow> rows = tasklist.page(fiona, filter, PageRequest.of(0, size));
        assertThat(tasklist.count(fiona, filter)).isEqualTo(rows.size());
        return rows;
    }

    FilterBuilder filter(TaskView view) {
        return new FilterBuilder(view);
    }

    /** A filter limited to this test's location. */
    class FilterBuilder {
        TaskView view;
        Set<Segment> segments = Set.of();
        String taskKey;
        String group;
        String product;
        String text;

        FilterBuilder(TaskView view) {
            this.view = view;
        }

        FilterBuilder segments(Set<Segment> s) {
            segments = s;
            return this;
        }

        FilterBuilder taskKey(String k) {
            taskKey = k;
            return this;
        }

        FilterBuilder group(String g) {
            group = g;
            return this;
        }

        FilterBuilder product(String p) {
            product = p;
            return this;
        }

        FilterBuilder text(String t) {
            text = t;
            return this;
        }

        TaskFilter build() {
            return new TaskFilter(view, segments, taskKey, group, here, product, text, ZoneOffset.UTC);
        }
    }
}
