package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.persistence.SearchText;
import dev.loopkeeper.sharedkernel.persistence.Tally;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A search for a word many cases hold is run in the list's own order and its count estimated (the full-text index
 * would read every match first: 45 s for "router" at a million cases). Here every word found in the sample counts as
 * common, so a handful of cases take that path; the lists must still show exactly the right rows.
 */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class CommonWordSearchMariaDbIT {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
        registry.add("loopkeeper.search.common-matches", () -> "0");
    }

    @Autowired
    CaseIntake intake;

    @Autowired
    Tasklist tasklist;

    @Autowired
    CaseSearch cases;

    @Autowired
    SearchText search;

    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));
    final Actor sam = new Actor("sam", Set.of("supervisors"));

    @Test
    void aCommonWordIsSearchedInTheListsOrderAndItsCountEstimated() {
        String here = "Loc-" + UUID.randomUUID();
        String word = "w" + UUID.randomUUID().toString().substring(0, 8);
        intake.receive(TestResponses.at(here, 2, "Maria Lopez", "The " + word + " keeps dropping", "standard"));
        intake.receive(TestResponses.at(here, 3, "Tom Becker", word + " replaced twice", "standard"));
        intake.receive(TestResponses.at(here, 4, "Ana Ruiz", "Billing was wrong", "standard"));

        SearchText.Match match =
                search.matching("follow_up_case", "c.search_text", word, "text", new MapSqlParameterSource());
        assertThat(match.common()).isTrue();
        assertThat(match.indexed()).isFalse();
        assertThat(match.condition()).doesNotContain("match(").contains("like");

        TaskFilter tasks = new TaskFilter(TaskView.MY_WORK, null, null, null, here, null, word, ZoneOffset.UTC);
        assertThat(tasklist.page(fiona, tasks, PageRequest.of(0, 50, Sort.by("dueAt"))))
                .extracting(TaskRow::customerName)
                .containsExactlyInAnyOrder("Maria Lopez", "Tom Becker");
        assertThat(tasklist.count(fiona, tasks)).isEqualTo(2);
        Tally shown = tasklist.tally(fiona, tasks);
        assertThat(shown.estimated()).isTrue();
        assertThat(shown.describe("task", "tasks")).startsWith("about ");

        CaseQuery query = CaseQuery.all().withText(word + " dropping");
        assertThat(cases.page(sam, query, ZoneOffset.UTC, PageRequest.of(0, 50)))
                .extracting(CaseRow::customerName)
                .containsExactly("Maria Lopez");
        assertThat(cases.count(sam, query, ZoneOffset.UTC)).isEqualTo(1);
        assertThat(cases.tally(sam, query, ZoneOffset.UTC).estimated()).isTrue();
    }

    @Test
    void aWordNoSampledCaseHoldsIsLedByTheIndexAndCounted() {
        String word = "w" + UUID.randomUUID().toString().substring(0, 8);
        SearchText.Match match =
                search.matching("follow_up_case", "c.search_text", word, "text", new MapSqlParameterSource());
        assertThat(match.common()).isFalse();
        assertThat(match.indexed()).isTrue();
        assertThat(cases.tally(sam, CaseQuery.all().withText(word), ZoneOffset.UTC))
                .isEqualTo(Tally.counted(0));
    }

    @Test
    void onlyATableNameIsAccepted() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> search.matching(
                        "follow_up_case; drop table x", "c.search_text", "x", "text", new MapSqlParameterSource()));
    }
}
