package dev.loopkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.reporting.Dimension;
import dev.loopkeeper.reporting.LoopKpis;
import dev.loopkeeper.reporting.NpsTrend;
import dev.loopkeeper.reporting.ReportCounts;
import dev.loopkeeper.reporting.ReportPeriod;
import dev.loopkeeper.reporting.ReportScope;
import dev.loopkeeper.reporting.RevenueProtection;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, the reports at scale: every query the dashboard runs when it opens, over N responses and N/2 cases
 * spread over a year, for the last six months by month in a user's zone. A leader's dashboard (NPS, revenue, the
 * loop company-wide), a supervisor's (the loop of one group of 20), NPS by region, and each query on its own. The
 * goal is a dashboard within 300 ms p95 at 1 000 000 responses / 500 000 cases.
 */
class ReportsBench {

    static final int RESPONSES = BenchReport.size("bench.responses", 1_000_000);
    static final int CASES = BenchReport.size("bench.report.cases", RESPONSES / 2);
    static final int ROUNDS = BenchReport.size("bench.reports.rounds", 20);

    @Test
    void everyDashboardsQueries() throws InterruptedException {
        BenchApp app = BenchApp.loopkeeper();
        long seeding = System.nanoTime();
        ReportSeed.seed(app.jdbc(), RESPONSES, CASES);
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        // the seed writes in SQL, marking nothing: every day is counted as the migration's backfill has it counted
        long counting = System.nanoTime();
        app.bean(ReportCounts.class).recountAll();
        double countSeconds = (System.nanoTime() - counting) / 1e9;

        NpsTrend nps = app.bean(NpsTrend.class);
        LoopKpis kpis = app.bean(LoopKpis.class);
        RevenueProtection revenue = app.bean(RevenueProtection.class);
        Clock clock = app.bean(Clock.class);
        ZoneId zone = ZoneId.of("Europe/Madrid");
        ReportPeriod period =
                ReportPeriod.last(6, ReportPeriod.Granularity.MONTH, LocalDate.now(clock.withZone(zone)), zone);
        ReportScope company = ReportScope.company(period);
        ReportScope group = new ReportScope(period, Set.of(ReportSeed.group(1)));

        // right answers first: half a year of a year's responses, and a twentieth of the cases in one group
        long counted =
                nps.overall(period).stream().mapToLong(p -> p.nps().responses()).sum();
        assertThat(counted).isBetween(RESPONSES * 4L / 10, RESPONSES * 6L / 10);
        long needed = kpis.followUpRate(group)
                .get(kpis.followUpRate(group).size() - 1)
                .needed();
        assertThat(needed).isBetween(CASES / 60L, CASES / 20L);

        BenchReport report = new BenchReport("reports");
        measure(report, "leader dashboard (every query)", () -> {
            nps.overall(period);
            nps.of(period.previous());
            revenue.of(period);
            loop(kpis, company);
            return null;
        });
        measure(report, "supervisor dashboard, one group (every query)", () -> loop(kpis, group));
        // with intake running, today changes all the time: the background counts it again every few seconds (a
        // dashboard does not wait for that), here as often as it can while the dashboards are read
        ReportCounts counts = app.bean(ReportCounts.class);
        long today = ChangedDays.dayOf(clock.instant());
        Runnable todayChanged = () -> app.jdbc()
                .update(
                        "insert into report_day_mark (kind, day_no) values ('responses', ?), ('cases', ?),"
                                + " ('breaches', ?)",
                        today,
                        today,
                        today);
        measure(report, "background count of today after a change (every kind)", () -> {
            todayChanged.run();
            counts.countChanges();
            return null;
        });
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread background = new Thread(() -> {
            while (reading.get()) {
                todayChanged.run();
                counts.countChanges();
            }
        });
        background.start();
        try {
            measure(report, "leader dashboard while today is counted again without pause (every query)", () -> {
                nps.overall(period);
                nps.of(period.previous());
                revenue.of(period);
                loop(kpis, company);
                return null;
            });
            measure(
                    report,
                    "supervisor dashboard while today is counted again without pause (every query)",
                    () -> loop(kpis, group));
        } finally {
            reading.set(false);
            background.join();
        }
        measure(report, "NPS by region", () -> nps.by(period, Dimension.REGION));
        measure(report, "NPS per month", () -> nps.overall(period));
        measure(report, "groups for the picker", kpis::groups);
        measure(report, "themes", () -> kpis.themes(company));
        measure(report, "revenue at risk and protected", () -> revenue.of(period));
        measure(report, "follow-up rate", () -> kpis.followUpRate(company));
        measure(report, "time to first contact (median, p90)", () -> kpis.timeToFirstContact(company));
        measure(report, "time to first contact, bands", () -> kpis.timeToFirstContactBands(company));
        measure(report, "contact to resolution", () -> kpis.contactToResolution(company));
        measure(report, "SLA compliance by group", () -> kpis.slaCompliance(company, clock.instant()));
        measure(report, "breaches by group", () -> kpis.breachesByGroup(company));
        measure(report, "reachability", () -> kpis.reachability(company));
        measure(report, "outcomes", () -> kpis.outcomes(company));
        measure(report, "root causes", () -> kpis.rootCauses(company));
        measure(report, "detractor recovery", () -> kpis.detractorRecovery(company));
        measure(report, "per agent", () -> kpis.agents(company));
        report.note("responses seeded", RESPONSES + " over a year, " + RESPONSES / 2 + " customers")
                .note("cases seeded", CASES + " over a year, " + ReportSeed.GROUPS + " groups")
                .note("period", period.first() + " to " + period.last() + " by month, " + zone)
                .note("seeding", Math.round(seedSeconds) + " s")
                .note("counting every day (the backfill)", Math.round(countSeconds) + " s")
                .note("rounds", ROUNDS + " after a quarter as many warm-up rounds, one dashboard at a time")
                .publish();
    }

    private static Object loop(LoopKpis kpis, ReportScope scope) {
        kpis.groups();
        kpis.followUpRate(scope);
        kpis.timeToFirstContact(scope);
        kpis.contactToResolution(scope);
        kpis.improvementLeadTime(scope);
        kpis.timeToFirstContactBands(scope);
        kpis.slaCompliance(scope, java.time.Instant.now());
        kpis.breachesByGroup(scope);
        kpis.breachesByStep(scope);
        kpis.reachability(scope);
        kpis.detractorRecovery(scope);
        kpis.outcomes(scope);
        kpis.rootCauses(scope);
        kpis.themes(scope);
        kpis.agents(scope);
        return null;
    }

    private static void measure(BenchReport report, String what, Supplier<?> query) {
        Latencies latencies = Latencies.measure(ROUNDS, query);
        report.alone(what + " p50", "ms", latencies.percentileMillis(50), null);
        report.alone(
                what + " p95",
                "ms",
                latencies.percentileMillis(95),
                what.contains("dashboard") ? "<= 300 ms at 1M/500k" : null);
    }
}
