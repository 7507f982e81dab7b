package dev.loopkeeper.reporting.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.PROCESS_OWNERS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.reporting.Dimension;
import dev.loopkeeper.reporting.DrillDown;
import dev.loopkeeper.reporting.LoopKpis;
import dev.loopkeeper.reporting.Nps;
import dev.loopkeeper.reporting.NpsTrend;
import dev.loopkeeper.reporting.ReportPeriod;
import dev.loopkeeper.reporting.ReportPeriod.Granularity;
import dev.loopkeeper.reporting.ReportScope;
import dev.loopkeeper.reporting.RevenueProtection;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.Chart;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Does the loop close? Leaders (process owners, admins) see NPS, revenue at risk and the loop company-wide;
 * supervisors see the loop of a group they choose, and every agent's cases. Periods are whole days in the user's
 * zone; every chart has its table, every table its CSV, every row the cases behind it.
 */
@Route("reports")
@PageTitle("Reports · Loopkeeper")
@Menu(title = "Reports", order = 12.5, icon = "vaadin:chart")
@RolesAllowed({SUPERVISORS, PROCESS_OWNERS, ADMINS})
public class ReportsView extends VerticalLayout {

    static final String ALL_GROUPS = "";

    final Select<Granularity> granularity = new Select<>();
    final DatePicker first = new DatePicker("From");
    final DatePicker last = new DatePicker("To");
    final Select<String> group = new Select<>();
    final Select<Dimension> dimension = new Select<>();
    final Div content = new Div();

    private final NpsTrend nps;
    private final LoopKpis kpis;
    private final RevenueProtection revenue;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean leader;
    private final boolean mayOpenCases;

    public ReportsView(NpsTrend nps, LoopKpis kpis, RevenueProtection revenue, CurrentUser currentUser, Clock clock) {
        this.nps = nps;
        this.kpis = kpis;
        this.revenue = revenue;
        this.clock = clock;
        this.zone = Times.zone();
        Actor actor = currentUser.require();
        this.leader = actor.isIn(ADMINS) || actor.isIn(PROCESS_OWNERS);
        this.mayOpenCases = actor.oversees();
        setWidthFull();

        ReportPeriod initial = ReportPeriod.last(6, Granularity.MONTH, LocalDate.now(clock.withZone(zone)), zone);
        granularity.setLabel("By");
        granularity.setItems(Granularity.values());
        granularity.setItemLabelGenerator(g -> switch (g) {
            case WEEK -> "week";
            case MONTH -> "month";
            case QUARTER -> "quarter";
        });
        granularity.setValue(Granularity.MONTH);
        first.setValue(initial.first());
        last.setValue(initial.last());
        group.setLabel(leader ? "Group" : "Your group");
        List<String> groups = new ArrayList<>();
        groups.add(ALL_GROUPS);
        groups.addAll(kpis.groups());
        group.setItems(groups);
        group.setItemLabelGenerator(g -> g.isEmpty() ? "All groups" : g);
        group.setValue(leader ? ALL_GROUPS : ownGroup(actor, groups));
        dimension.setLabel("NPS by");
        dimension.setItems(Dimension.values());
        dimension.setEmptySelectionAllowed(true);
        dimension.setEmptySelectionCaption("Overall");
        dimension.setItemLabelGenerator(d -> d == null ? "Overall" : d.label());
        HorizontalLayout controls = new HorizontalLayout(granularity, first, last, group);
        if (leader) {
            controls.add(dimension);
        }
        controls.setWrap(true);
        controls.setAlignItems(Alignment.BASELINE);
        granularity.addValueChangeListener(e -> refresh());
        first.addValueChangeListener(e -> refresh());
        last.addValueChangeListener(e -> refresh());
        group.addValueChangeListener(e -> refresh());
        dimension.addValueChangeListener(e -> refresh());
        content.setWidthFull();
        add(new H2("Reports"), new Paragraph("Whole days in " + zone.getId() + "."), controls, content);
        refresh();
    }

    /**
     * A supervisor's first team group with cases, else all of them. Role groups are no team: "supervisors" takes
     * part only in the cases escalated to them.
     */
    static String ownGroup(Actor actor, List<String> groups) {
        Set<String> roles = Set.of(SUPERVISORS, ADMINS, PROCESS_OWNERS, Groups.FRONTLINE);
        return groups.stream()
                .filter(g -> !g.isEmpty() && !roles.contains(g) && actor.isIn(g))
                .findFirst()
                .orElse(ALL_GROUPS);
    }

    ReportScope scope() {
        LocalDate from = first.getValue();
        LocalDate to = last.getValue();
        if (from == null || to == null || to.isBefore(from)) {
            ReportPeriod fallback = ReportPeriod.last(6, Granularity.MONTH, LocalDate.now(clock.withZone(zone)), zone);
            from = fallback.first();
            to = fallback.last();
        }
        ReportPeriod period = new ReportPeriod(from, to, zone, granularity.getValue());
        String g = group.getValue();
        return new ReportScope(period, g == null || g.isEmpty() ? Set.of() : Set.of(g));
    }

    void refresh() {
        ReportScope scope = scope();
        content.removeAll();
        if (leader && scope.groups().isEmpty()) {
            content.add(npsSection(scope), revenueSection(scope));
        }
        content.add(loopSection(scope));
    }

    private Component npsSection(ReportScope scope) {
        ReportPeriod period = scope.period();
        Dimension by = dimension.getValue();
        List<NpsTrend.Point> points = by == null ? nps.overall(period) : nps.by(period, by);
        Map<String, Nps.Change> sinceBefore = new LinkedHashMap<>();
        Map<String, Nps> previous = new LinkedHashMap<>();
        for (NpsTrend.Point p : points) {
            Nps before = previous.get(p.value());
            sinceBefore.put(key(p), before == null ? null : before.changeTo(p.nps()));
            previous.put(p.value(), p.nps());
        }
        ReportTable<NpsTrend.Point> table = new ReportTable<NpsTrend.Point>(
                        "NPS by "
                                + (by == null
                                        ? "period"
                                        : "period and " + by.label().toLowerCase()),
                        "nps",
                        cases(p -> !DrillDown.canNarrow(by, p.value())
                                ? null
                                : DrillDown.opened(
                                                p.bucket().first(), p.bucket().last(), scope)
                                        .where(by, p.value())
                                        .address()))
                .column("Period", p -> p.bucket().label())
                .column(by == null ? "All" : by.label(), p -> p.value().isEmpty() ? "(none)" : p.value());
        table.column("Responses", p -> String.valueOf(p.nps().responses()))
                .column("Promoters", p -> String.valueOf(p.nps().promoters()))
                .column("Passives", p -> String.valueOf(p.nps().passives()))
                .column("Detractors", p -> String.valueOf(p.nps().detractors()))
                .column(
                        "NPS",
                        p -> p.nps().responses() == 0
                                ? "–"
                                : String.format("%+.1f", p.nps().score()))
                .column(
                        "Margin of error (95 %)",
                        p -> p.nps().responses() == 0
                                ? "–"
                                : String.format("±%.1f", p.nps().marginOfError()))
                .column("Note", p -> p.nps().tooSmallToCompare() ? "too small to compare" : "")
                .column("Change since the period before", p -> {
                    Nps.Change c = sinceBefore.get(key(p));
                    return c == null ? "" : String.format("%+.1f (%s)", c.points(), c.verdict());
                })
                .rows(points);
        List<String> categories =
                period.buckets().stream().map(ReportPeriod.Bucket::label).toList();
        Map<String, List<Number>> series = new LinkedHashMap<>();
        for (NpsTrend.Point p : points) {
            String name = by == null ? "NPS" : (p.value().isEmpty() ? "(none)" : p.value());
            List<Number> values = series.computeIfAbsent(name, n -> new ArrayList<>(nulls(categories.size())));
            values.set(
                    categories.indexOf(p.bucket().label()),
                    p.nps().responses() == 0 ? null : round(p.nps().score()));
            if (by == null) {
                series.computeIfAbsent("± upper", n -> new ArrayList<>(nulls(categories.size())))
                        .set(
                                categories.indexOf(p.bucket().label()),
                                p.nps().responses() == 0
                                        ? null
                                        : round(p.nps().score() + p.nps().marginOfError()));
                series.computeIfAbsent("± lower", n -> new ArrayList<>(nulls(categories.size())))
                        .set(
                                categories.indexOf(p.bucket().label()),
                                p.nps().responses() == 0
                                        ? null
                                        : round(p.nps().score() - p.nps().marginOfError()));
            }
        }
        Chart chart = chart("NPS per period", ReportCharts.lines(categories, series, "NPS"));
        // the whole period from its buckets: one statement fewer than asking again
        Nps whole = points.stream().map(NpsTrend.Point::nps).reduce(Nps.NONE, Nps::plus);
        Nps.Change change = nps.of(period.previous()).changeTo(whole);
        Paragraph summary = new Paragraph(String.format(
                "The whole period: NPS %+.1f ± %.1f from %d responses; against the same length of time before it: "
                        + "%s.",
                whole.score(),
                whole.marginOfError(),
                whole.responses(),
                change.tooSmall()
                        ? "too small to compare"
                        : String.format("%+.1f points, %s", change.points(), change.verdict())));
        summary.setId("nps-summary");
        return section("Net promoter score", summary, pair(chart, table));
    }

    private Component revenueSection(ReportScope scope) {
        List<RevenueProtection.Point> points = revenue.of(scope.period());
        ReportTable<RevenueProtection.Point> table = new ReportTable<RevenueProtection.Point>(
                        "Revenue at risk and protected",
                        "revenue",
                        cases(p -> DrillDown.opened(
                                        p.bucket().first(), p.bucket().last(), scope)
                                .address()))
                .column("Period", p -> p.bucket().label())
                .column("Detractors", p -> String.valueOf(p.customers().get(Segment.DETRACTOR)))
                .column("At risk, detractors", p -> money(p.atRisk().get(Segment.DETRACTOR)))
                .column("At risk, passives", p -> money(p.atRisk().get(Segment.PASSIVE)))
                .column("At risk, promoters", p -> money(p.atRisk().get(Segment.PROMOTER)))
                .column("At risk", p -> money(p.totalAtRisk()))
                .column("Detractors recovered", p -> String.valueOf(p.recovered()))
                .column("Protected", p -> money(p.protectedRevenue()))
                .rows(points);
        Map<String, List<Number>> series = new LinkedHashMap<>();
        series.put("At risk", points.stream().map(p -> (Number) p.totalAtRisk()).toList());
        series.put(
                "Protected",
                points.stream().map(p -> (Number) p.protectedRevenue()).toList());
        Chart chart = chart(
                "Revenue at risk and protected per period",
                ReportCharts.bars(points.stream().map(p -> p.bucket().label()).toList(), series, "revenue"));
        Paragraph formula = new Paragraph(revenue.formula());
        formula.setId("revenue-formula");
        return section("Revenue at risk and protected", formula, pair(chart, table));
    }

    private Component loopSection(ReportScope scope) {
        DrillDown all = DrillDown.opened(scope);
        ReportTable<LoopKpis.FollowUpRate> followUp = new ReportTable<LoopKpis.FollowUpRate>(
                        "Follow-up rate",
                        "follow-up",
                        cases(r -> all.segment(r.segment()).address()))
                .column(
                        "Segment",
                        r -> r.segment() == null ? "all" : r.segment().key())
                .column("Needed a contact", r -> String.valueOf(r.needed()))
                .column("Contacted", r -> String.valueOf(r.contacted()))
                .column("Rate", r -> percent(r.percent()))
                .rows(kpis.followUpRate(scope));
        Chart followUpChart = chart(
                "Follow-up rate per segment",
                ReportCharts.bars(
                        followUp.rows().stream()
                                .map(r -> r.segment() == null
                                        ? "all"
                                        : r.segment().key())
                                .toList(),
                        Map.of(
                                "Rate %",
                                followUp.rows().stream()
                                        .map(r -> (Number) (r.percent() == null ? 0 : round(r.percent())))
                                        .toList()),
                        "%"));

        LoopKpis.Spread toContact = kpis.timeToFirstContact(scope);
        LoopKpis.Spread toResolution = kpis.contactToResolution(scope);
        LoopKpis.Spread leadTime = kpis.improvementLeadTime(scope);
        ReportTable<Map.Entry<String, LoopKpis.Spread>> times = new ReportTable<Map.Entry<String, LoopKpis.Spread>>(
                        "How long it took",
                        "times",
                        cases(e -> e.getKey().startsWith("Improvement") ? null : all.address()))
                .column("Measure", Map.Entry::getKey)
                .column("Cases", e -> String.valueOf(e.getValue().count()))
                .column("Median", e -> duration(e.getValue().median()))
                .column("90th percentile", e -> duration(e.getValue().p90()))
                .rows(List.of(
                        Map.entry("Time to first contact", toContact),
                        Map.entry("First contact to resolution", toResolution),
                        Map.entry("Improvement actions, issue found to fix verified", leadTime)));
        ReportTable<LoopKpis.Count> bands = new ReportTable<LoopKpis.Count>(
                        "Time to first contact, distribution", "contact-bands", null)
                .column("Time to first contact", LoopKpis.Count::key)
                .column("Cases", c -> String.valueOf(c.count()))
                .rows(kpis.timeToFirstContactBands(scope));
        Chart bandChart = chart(
                "Cases by time to first contact",
                ReportCharts.bars(
                        bands.rows().stream().map(LoopKpis.Count::key).toList(),
                        Map.of(
                                "Cases",
                                bands.rows().stream()
                                        .map(c -> (Number) c.count())
                                        .toList()),
                        "cases"));

        ReportTable<LoopKpis.Compliance> sla = new ReportTable<LoopKpis.Compliance>(
                        "SLA compliance by group",
                        "sla",
                        cases(c -> all.group(c.group()).address()))
                .column("Group", LoopKpis.Compliance::group)
                .column("Judged", c -> String.valueOf(c.judged()))
                .column("Within SLA", c -> String.valueOf(c.inTime()))
                .column("Compliance", c -> percent(c.percent()))
                .rows(kpis.slaCompliance(scope, clock.instant()));
        Chart slaChart = chart(
                "SLA compliance by group",
                ReportCharts.bars(
                        sla.rows().stream().map(LoopKpis.Compliance::group).toList(),
                        Map.of(
                                "Within SLA %",
                                sla.rows().stream()
                                        .map(c -> (Number) (c.percent() == null ? 0 : round(c.percent())))
                                        .toList()),
                        "%"));
        ReportTable<LoopKpis.Count> byGroup = new ReportTable<LoopKpis.Count>(
                        "SLA breaches by group",
                        "breaches-group",
                        cases(c -> c.key().isEmpty() ? null : all.group(c.key()).address()))
                .column("Group", LoopKpis.Count::key)
                .column("Breaches", c -> String.valueOf(c.count()))
                .rows(kpis.breachesByGroup(scope));
        ReportTable<LoopKpis.Count> byStep = new ReportTable<LoopKpis.Count>(
                        "SLA breaches by step", "breaches-step", null)
                .column("Step", LoopKpis.Count::key)
                .column("Breaches", c -> String.valueOf(c.count()))
                .rows(kpis.breachesByStep(scope));

        LoopKpis.Reachability reach = kpis.reachability(scope);
        LoopKpis.Recovery recovery = kpis.detractorRecovery(scope);
        ReportTable<String[]> figures = new ReportTable<String[]>("Reach and recovery", "reach", cases(f -> f[2]))
                .column("Measure", f -> f[0])
                .column("Value", f -> f[1])
                .rows(List.of(
                        new String[] {
                            "Unreachable",
                            reach.unreachable() + " of " + reach.needed() + " (" + percent(reach.unreachablePercent())
                                    + ")",
                            all.outcome("UNREACHABLE").address()
                        },
                        new String[] {
                            "Contact attempts per case",
                            reach.attemptsPerCase() == null ? "–" : String.format("%.2f", reach.attemptsPerCase()),
                            null
                        },
                        new String[] {"Detractors re-surveyed after closure", String.valueOf(recovery.answered()), null
                        },
                        new String[] {
                            "Came back passive or promoter",
                            recovery.recovered() + " (" + recovery.passives() + " passive, " + recovery.promoters()
                                    + " promoter; " + percent(recovery.percent()) + ")",
                            null
                        }));
        ReportTable<LoopKpis.Count> outcomes = new ReportTable<LoopKpis.Count>(
                        "Outcomes", "outcomes", cases(c -> all.outcome(c.key()).address()))
                .column("Outcome", c -> c.key().toLowerCase().replace('_', ' '))
                .column("Cases", c -> String.valueOf(c.count()))
                .rows(kpis.outcomes(scope));
        Chart outcomeChart = chart(
                "Cases by outcome",
                ReportCharts.bars(
                        outcomes.rows().stream()
                                .map(c -> c.key().toLowerCase().replace('_', ' '))
                                .toList(),
                        Map.of(
                                "Cases",
                                outcomes.rows().stream()
                                        .map(c -> (Number) c.count())
                                        .toList()),
                        "cases"));

        ReportTable<LoopKpis.ParetoRow> causes = new ReportTable<LoopKpis.ParetoRow>("Root causes", "root-causes", null)
                .column("Root cause", LoopKpis.ParetoRow::key)
                .column("Cases", r -> String.valueOf(r.count()))
                .column("Cumulative share", r -> percent(r.cumulativePercent()))
                .rows(kpis.rootCauses(scope));
        Map<String, List<Number>> paretoSeries = new LinkedHashMap<>();
        paretoSeries.put(
                "Cases", causes.rows().stream().map(r -> (Number) r.count()).toList());
        Chart causeChart = chart(
                "Root causes, most frequent first",
                ReportCharts.bars(
                        causes.rows().stream().map(LoopKpis.ParetoRow::key).toList(), paretoSeries, "cases"));
        ReportTable<LoopKpis.ParetoRow> themes = new ReportTable<LoopKpis.ParetoRow>("Themes", "themes", null)
                .column("Theme", LoopKpis.ParetoRow::key)
                .column("Mentions", r -> String.valueOf(r.count()))
                .column("Cumulative share", r -> percent(r.cumulativePercent()))
                .rows(kpis.themes(scope));
        ReportTable<LoopKpis.Agent> agents = new ReportTable<LoopKpis.Agent>(
                        "Per agent",
                        "agents",
                        cases(a -> all.assignee(a.agent()).address()))
                .column("Agent", LoopKpis.Agent::agent)
                .column("Reached first", a -> String.valueOf(a.contacted()))
                .column("Within SLA", a -> String.valueOf(a.inTime()))
                .column("Resolved", a -> String.valueOf(a.resolved()))
                .column("Contact attempts", a -> String.valueOf(a.attempts()))
                .rows(kpis.agents(scope));

        return section(
                scope.groups().isEmpty()
                        ? "The loop, company-wide"
                        : "The loop, " + scope.groups().iterator().next(),
                pair(followUpChart, followUp),
                pair(bandChart, bands),
                pair(times),
                pair(slaChart, sla),
                pair(byGroup, byStep),
                pair(outcomeChart, outcomes),
                pair(figures),
                pair(causeChart, causes),
                pair(themes, agents));
    }

    /** The link to the cases behind a row, for those who may open them (not process owners: they see no cases). */
    private <T> Function<T, String> cases(Function<T, String> link) {
        return mayOpenCases ? link : null;
    }

    private static Chart chart(String label, Map<String, Object> option) {
        Chart chart = new Chart(label);
        chart.setHeight("300px");
        chart.getStyle().set("flex", "1 1 28em").set("min-width", "min(28em, 100%)");
        chart.setOption(option);
        return chart;
    }

    private static Component section(String title, Component... parts) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.add(new H3(title));
        section.add(parts);
        return section;
    }

    private static Component pair(Component... parts) {
        FlexLayout pair = new FlexLayout(parts);
        pair.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        pair.setWidthFull();
        pair.getStyle().set("gap", "var(--lumo-space-l)");
        return pair;
    }

    private static String key(NpsTrend.Point p) {
        return p.bucket().label() + "\u0000" + p.value();
    }

    private static List<Number> nulls(int size) {
        List<Number> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(null);
        }
        return values;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static String percent(Double value) {
        return value == null ? "–" : String.format("%.1f %%", value);
    }

    private static String money(BigDecimal value) {
        return value == null ? "–" : value.toPlainString();
    }

    private static String duration(Duration d) {
        return d == null ? "–" : HealthView.humanized(d);
    }
}
