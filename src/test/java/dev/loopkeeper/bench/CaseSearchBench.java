package dev.loopkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.casework.CaseQuery;
import dev.loopkeeper.casework.CaseRow;
import dev.loopkeeper.casework.CaseSearch;
import dev.loopkeeper.casework.TaskFilter;
import dev.loopkeeper.casework.TaskView;
import dev.loopkeeper.casework.Tasklist;
import dev.loopkeeper.intake.CustomerSearch;
import dev.loopkeeper.sharedkernel.Actor;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Scenario 6, finding a case: the case list over 1 000 000 cases (one in ten open, with a task) and the tasklist over
 * their open tasks, the first page of 50 and the count, with and without a search term, for a supervisor (every case)
 * and a frontline agent (their groups' cases, through case_participant); and the customer search over their
 * customers. MariaDB searches the search columns with its FULLTEXT index. No baseline: the old tasklist's LIKE over
 * name and comment is the figure to beat (about 190 ms at 100 000 tasks).
 */
class CaseSearchBench {

    static final int CASES = BenchReport.size("bench.cases", 1_000_000);
    static final int ROUNDS = BenchReport.size("bench.search.rounds", 100);

    static final Actor SUPERVISOR = new Actor("bench-supervisor", Set.of("supervisors"));
    static final Actor AGENT = new Actor(CaseSeed.AGENT, Set.of(CaseSeed.group(1), CaseSeed.group(2)));

    @Test
    void firstPageAndCountWithAndWithoutASearchTerm() {
        BenchApp app = BenchApp.loopkeeper();
        long seeding = System.nanoTime();
        CaseSeed.Seeded seeded = CaseSeed.seed(app.jdbc(), CASES);
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;

        CaseSearch cases = app.bean(CaseSearch.class);
        Tasklist tasklist = app.bean(Tasklist.class);
        CustomerSearch customers = app.bean(CustomerSearch.class);
        PageRequest newest = PageRequest.of(0, 50, Sort.by(Sort.Order.desc("openedAt")));
        PageRequest byDue = PageRequest.of(0, 50, Sort.by("dueAt"));
        CaseQuery all = CaseQuery.all();
        CaseQuery name = all.withText(seeded.name());
        CaseQuery phone = all.withText(seeded.phone());
        TaskFilter myWork = TaskFilter.of(TaskView.MY_WORK);
        TaskFilter myWorkNamed = new TaskFilter(TaskView.MY_WORK, null, null, null, null, null, seeded.name(), null);
        // in half of all comments: the index would read every match before it sorts
        CaseQuery common = all.withText(CaseSeed.COMMON_WORD);
        TaskFilter myWorkCommon = myWorkNamed.withText(CaseSeed.COMMON_WORD);

        // right answers first: the search finds the seeded customer's cases, and only theirs
        List<CaseRow> found = cases.page(SUPERVISOR, name, ZoneOffset.UTC, newest);
        assertThat(found)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.customerName()).isEqualTo(seeded.name()));
        assertThat(cases.count(SUPERVISOR, name, ZoneOffset.UTC)).isEqualTo(seeded.casesOfName());
        assertThat(cases.page(SUPERVISOR, phone, ZoneOffset.UTC, newest))
                .extracting(CaseRow::customerPhone)
                .containsOnly(seeded.phoneAsStored());

        BenchReport report = new BenchReport("case-search");
        measure(report, "cases, supervisor, first page", () -> cases.page(SUPERVISOR, all, ZoneOffset.UTC, newest));
        measure(report, "cases, supervisor, count", () -> cases.count(SUPERVISOR, all, ZoneOffset.UTC));
        measure(
                report,
                "cases, supervisor, name, first page",
                () -> cases.page(SUPERVISOR, name, ZoneOffset.UTC, newest));
        measure(report, "cases, supervisor, name, count", () -> cases.count(SUPERVISOR, name, ZoneOffset.UTC));
        measure(
                report,
                "cases, supervisor, phone, first page",
                () -> cases.page(SUPERVISOR, phone, ZoneOffset.UTC, newest));
        measure(report, "cases, agent, first page", () -> cases.page(AGENT, all, ZoneOffset.UTC, newest));
        measure(report, "cases, agent, count", () -> cases.count(AGENT, all, ZoneOffset.UTC));
        measure(report, "cases, agent, name, first page", () -> cases.page(AGENT, name, ZoneOffset.UTC, newest));
        measure(report, "cases, agent, name, count", () -> cases.count(AGENT, name, ZoneOffset.UTC));
        measure(report, "tasklist, agent, first page", () -> tasklist.page(AGENT, myWork, byDue));
        measure(report, "tasklist, agent, name, first page", () -> tasklist.page(AGENT, myWorkNamed, byDue));
        measure(report, "tasklist, agent, name, count", () -> tasklist.count(AGENT, myWorkNamed));
        measure(
                report,
                "cases, supervisor, common word, first page",
                () -> cases.page(SUPERVISOR, common, ZoneOffset.UTC, newest));
        measure(
                report,
                "cases, supervisor, common word, count shown (estimated)",
                () -> cases.tally(SUPERVISOR, common, ZoneOffset.UTC));
        measure(report, "tasklist, agent, common word, first page", () -> tasklist.page(AGENT, myWorkCommon, byDue));
        measure(
                report,
                "tasklist, agent, common word, count shown (estimated)",
                () -> tasklist.tally(AGENT, myWorkCommon));
        measure(report, "customers, name, first page", () -> customers.page(seeded.name(), PageRequest.of(0, 50)));
        measure(report, "customers, phone (incoming call)", () -> customers.byPhone(seeded.phone()));
        report.note("cases seeded", CASES + " (one in ten open with a task; " + CaseSeed.GROUPS + " groups)")
                .note("customers seeded", seeded.customers())
                .note(
                        "search term",
                        "\"" + seeded.name() + "\" (" + seeded.casesOfName() + " cases), phone \"" + seeded.phone()
                                + "\"")
                .note("seeding", Math.round(seedSeconds) + " s (batched inserts, FULLTEXT indexes built as rows come)")
                .note("rounds", ROUNDS + " after a quarter as many warm-up rounds, one query at a time")
                .publish();
    }

    private static void measure(BenchReport report, String what, Supplier<?> query) {
        Latencies latencies = Latencies.measure(ROUNDS, query);
        report.alone(what + " p50", "ms", latencies.percentileMillis(50), null);
        report.alone(
                what + " p95",
                "ms",
                latencies.percentileMillis(95),
                what.contains("first page") && (what.contains("name") || what.contains("common")) ? "<= 50 ms" : null);
    }
}
