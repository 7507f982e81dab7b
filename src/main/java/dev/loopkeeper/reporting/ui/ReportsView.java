package dev.loopkeeper.reporting.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.PROCESS_OWNERS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.reporting.Dimension;
import dev.loopkeeper.reporting.DrillDown;
import dev.loopkeeper.reporting.LoopKpis;
import dev.loopkeeper.reporting.Nps;
import dev.loopkeeper.reporting.NpsTrend;
import dev.loopkeeper.reporting.ReportCounts;
import dev.loopkeeper.reporting.ReportPeriod;
import dev.loopkeeper.reporting.ReportPeriod.Granularity;
import dev.loopkeeper.reporting.ReportScope;
import dev.loopkeeper.reporting.RevenueProtection;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.CalendarWords;
import dev.loopkeeper.sharedkernel.ui.Chart;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does the loop close? Leaders (process owners, admins) see NPS, revenue at risk and the loop company-wide;
 * supervisors see the loop of a group they choose, and every agent's cases. Periods are whole days in the user's
 * zone; every chart has its table, every table its CSV, every row the cases behind it.
 */
@Route("reports")
@Menu(title = "Reports", order = 12.5, icon = "vaadin:chart")
@RolesAllowed({SUPERVISORS, PROCESS_OWNERS, ADMINS})
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ReportsView.class);

    static final String ALL_GROUPS = "";

    final Select<Granularity> granularity = new Select<>();
    final DatePicker first = CalendarWords.localized(new DatePicker(getTranslation("reporting.from")));
    final DatePicker last = CalendarWords.localized(new DatePicker(getTranslation("reporting.to")));
    final Select<String> group = new Select<>();
    final Select<Dimension> dimension = new Select<>();
    final Div content = new Div();
    /** When the figures were counted, or that changes of the period still wait to be. */
    final Paragraph freshness = new Paragraph();

    private final NpsTrend nps;
    private final LoopKpis kpis;
    private final RevenueProtection revenue;
    private final DashboardQueries queries;
    private final ReportCounts counts;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean leader;
    private final boolean mayOpenCases;
    /** Which choice of period and scope is on screen: sections counted for an earlier one are dropped. */
    private volatile int shown;

    private CompletableFuture<Void> counted = CompletableFuture.completedFuture(null);

    public ReportsView(
            NpsTrend nps,
            LoopKpis kpis,
            RevenueProtection revenue,
            DashboardQueries queries,
            ReportCounts counts,
            CurrentUser currentUser,
            Clock clock) {
        this.nps = nps;
        this.kpis = kpis;
        this.revenue = revenue;
        this.queries = queries;
        this.counts = counts;
        this.clock = clock;
        this.zone = Times.zone();
        Actor actor = currentUser.require();
        this.leader = actor.isIn(ADMINS) || actor.isIn(PROCESS_OWNERS);
        this.mayOpenCases = actor.oversees();
        setWidthFull();

        ReportPeriod initial = ReportPeriod.last(6, Granularity.MONTH, LocalDate.now(clock.withZone(zone)), zone);
        granularity.setLabel(getTranslation("reporting.by"));
        granularity.setItems(Granularity.values());
        granularity.setItemLabelGenerator(g -> switch (g) {
            case WEEK -> getTranslation("reporting.granularity.week");
            case MONTH -> getTranslation("reporting.granularity.month");
            case QUARTER -> getTranslation("reporting.granularity.quarter");
        });
        granularity.setValue(Granularity.MONTH);
        first.setValue(initial.first());
        last.setValue(initial.last());
        group.setLabel(leader ? getTranslation("reporting.column.group") : getTranslation("reporting.your-group"));
        List<String> groups = new ArrayList<>();
        groups.add(ALL_GROUPS);
        groups.addAll(kpis.groups());
        group.setItems(groups);
        group.setItemLabelGenerator(g -> g.isEmpty() ? getTranslation("reporting.all-groups") : g);
        group.setValue(leader ? ALL_GROUPS : ownGroup(actor, groups));
        dimension.setLabel(getTranslation("reporting.nps-by"));
        dimension.setItems(Dimension.values());
        dimension.setEmptySelectionAllowed(true);
        dimension.setEmptySelectionCaption(getTranslation("reporting.overall"));
        dimension.setItemLabelGenerator(d -> d == null ? getTranslation("reporting.overall") : label(d));
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
        add(
                new H2(getTranslation("menu.reports")),
                new Paragraph(getTranslation("reporting.whole-days", zone.getId())),
                controls,
                freshness,
                content);
        freshness.addClassName("report-freshness");
        // leaving the page: what is still counted for it is not counted or shown any more
        addDetachListener(left -> shown++);
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

    /** What the NPS section shows: the period's points, and the whole period before it for the change. */
    record NpsFigures(List<NpsTrend.Point> points, Nps before) {}

    record RevenueFigures(List<RevenueProtection.Point> points, String formula) {}

    record LoopFigures(
            List<LoopKpis.FollowUpRate> followUp,
            LoopKpis.Spread toContact,
            LoopKpis.Spread toResolution,
            LoopKpis.Spread leadTime,
            List<LoopKpis.Count> bands,
            List<LoopKpis.Compliance> sla,
            List<LoopKpis.Count> breachesByGroup,
            List<LoopKpis.Count> breachesByStep,
            LoopKpis.Reachability reach,
            LoopKpis.Recovery recovery,
            List<LoopKpis.Count> outcomes,
            List<LoopKpis.ParetoRow> causes,
            List<LoopKpis.ParetoRow> themes,
            List<LoopKpis.Agent> agents) {}

    /**
     * Shows each section as soon as its figures are counted (see {@link DashboardQueries}); until then its title
     * and a progress bar. The scope is read here, on the screen's thread; the queries get nothing of the session.
     */
    void refresh() {
        ReportScope scope = scope();
        Dimension by = dimension.getValue();
        Instant now = clock.instant();
        int run = ++shown;
        content.removeAll();
        freshness.setText(freshness());
        List<CompletableFuture<?>> sections = new ArrayList<>();
        if (leader && scope.groups().isEmpty()) {
            ReportPeriod period = scope.period();
            sections.add(show(
                    run,
                    getTranslation("reporting.nps.section"),
                    () -> new NpsFigures(
                            by == null ? nps.overall(period) : nps.by(period, by), nps.of(period.previous())),
                    figures -> npsSection(scope, by, figures)));
            sections.add(show(
                    run,
                    getTranslation("reporting.revenue.title"),
                    () -> new RevenueFigures(revenue.of(period), revenue.formula()),
                    figures -> revenueSection(scope, figures)));
        }
        sections.add(
                show(run, loopTitle(scope), () -> loopFigures(scope, now), figures -> loopSection(scope, figures)));
        counted = CompletableFuture.allOf(sections.toArray(CompletableFuture[]::new));
    }

    // The figures come from counts kept in the background (ReportCounts): say how current they are.
    private String freshness() {
        return counts.countedAt()
                .map(at -> getTranslation("reporting.counts.at", Times.timeIn(at, zone)))
                .orElseGet(() -> getTranslation("reporting.counts.waiting"));
    }

    /**
     * Completes once every section of the last choice is counted and handed to the screen (which shows it at its
     * next round trip).
     */
    CompletableFuture<Void> counted() {
        return counted;
    }

    private <T> CompletableFuture<?> show(int run, String title, Supplier<T> figures, Function<T, Component> section) {
        VerticalLayout slot = new VerticalLayout(new H3(title), counting(title));
        slot.setPadding(false);
        content.add(slot);
        UI ui = UI.getCurrent();
        // a choice already replaced when its turn comes is not counted at all (someone paging through dates)
        return queries.count(() -> run == shown ? figures.get() : null).handle((counted, failure) -> {
            try {
                ui.access(() -> {
                    if (run != shown) {
                        return; // the user chose another period or scope meanwhile
                    }
                    if (failure == null) {
                        content.replace(slot, section.apply(counted));
                    } else {
                        log.warn("A dashboard section ({}) could not be counted", title, failure);
                        slot.removeAll();
                        Paragraph problem = new Paragraph(getTranslation("reporting.not-counted"));
                        problem.addClassName("report-problem");
                        slot.add(new H3(title), problem);
                    }
                });
            } catch (UIDetachedException closed) {
                // the user left the page; nobody to show it to
            }
            return null;
        });
    }

    private ProgressBar counting(String title) {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setWidth("min(24em, 100%)");
        bar.getElement().setAttribute("aria-label", getTranslation("reporting.counting", title));
        bar.addClassName("report-counting");
        return bar;
    }

    private LoopFigures loopFigures(ReportScope scope, Instant now) {
        return new LoopFigures(
                kpis.followUpRate(scope),
                kpis.timeToFirstContact(scope),
                kpis.contactToResolution(scope),
                kpis.improvementLeadTime(scope),
                kpis.timeToFirstContactBands(scope),
                kpis.slaCompliance(scope, now),
                kpis.breachesByGroup(scope),
                kpis.breachesByStep(scope),
                kpis.reachability(scope),
                kpis.detractorRecovery(scope),
                kpis.outcomes(scope),
                kpis.rootCauses(scope),
                kpis.themes(scope),
                kpis.agents(scope));
    }

    private String loopTitle(ReportScope scope) {
        return scope.groups().isEmpty()
                ? getTranslation("reporting.loop.company")
                : getTranslation(
                        "reporting.loop.group", scope.groups().iterator().next());
    }

    private Component npsSection(ReportScope scope, Dimension by, NpsFigures figures) {
        ReportPeriod period = scope.period();
        List<NpsTrend.Point> points = figures.points();
        Map<String, Nps.Change> sinceBefore = new LinkedHashMap<>();
        Map<String, Nps> previous = new LinkedHashMap<>();
        for (NpsTrend.Point p : points) {
            Nps before = previous.get(p.value());
            sinceBefore.put(key(p), before == null ? null : before.changeTo(p.nps()));
            previous.put(p.value(), p.nps());
        }
        ReportTable<NpsTrend.Point> table = new ReportTable<NpsTrend.Point>(
                        by == null
                                ? getTranslation("reporting.nps.title")
                                : getTranslation("reporting.nps.title-by", label(by)),
                        "nps",
                        cases(p -> !DrillDown.canNarrow(by, p.value())
                                ? null
                                : DrillDown.opened(
                                                p.bucket().first(), p.bucket().last(), scope)
                                        .where(by, p.value())
                                        .address()))
                .column(
                        "Period",
                        getTranslation("reporting.column.period"),
                        p -> p.bucket().label())
                .column(
                        by == null ? "All" : by.label(),
                        by == null ? getTranslation("reporting.column.all") : label(by),
                        p -> p.value().isEmpty() ? getTranslation("reporting.none") : p.value());
        table.column(
                        "Responses",
                        getTranslation("reporting.column.responses"),
                        p -> String.valueOf(p.nps().responses()))
                .column(
                        "Promoters",
                        getTranslation("reporting.column.promoters"),
                        p -> String.valueOf(p.nps().promoters()))
                .column(
                        "Passives",
                        getTranslation("reporting.column.passives"),
                        p -> String.valueOf(p.nps().passives()))
                .column(
                        "Detractors",
                        getTranslation("reporting.column.detractors"),
                        p -> String.valueOf(p.nps().detractors()))
                .column(
                        "NPS",
                        getTranslation("reporting.column.nps"),
                        p -> p.nps().responses() == 0
                                ? "–"
                                : String.format("%+.1f", p.nps().score()))
                .column(
                        "Margin of error (95 %)",
                        getTranslation("reporting.column.margin-of-error-95"),
                        p -> p.nps().responses() == 0
                                ? "–"
                                : String.format("±%.1f", p.nps().marginOfError()))
                .column(
                        "Note",
                        getTranslation("reporting.column.note"),
                        p -> p.nps().tooSmallToCompare() ? getTranslation("reporting.too-small") : "")
                .column(
                        "Change since the period before",
                        getTranslation("reporting.column.change-since-the-period-before"),
                        p -> {
                            Nps.Change c = sinceBefore.get(key(p));
                            return c == null ? "" : String.format("%+.1f (%s)", c.points(), verdict(c));
                        })
                .rows(points);
        List<String> categories =
                period.buckets().stream().map(ReportPeriod.Bucket::label).toList();
        Map<String, List<Number>> series = new LinkedHashMap<>();
        for (NpsTrend.Point p : points) {
            String name = by == null ? "NPS" : (p.value().isEmpty() ? getTranslation("reporting.none") : p.value());
            List<Number> values = series.computeIfAbsent(name, n -> new ArrayList<>(nulls(categories.size())));
            values.set(
                    categories.indexOf(p.bucket().label()),
                    p.nps().responses() == 0 ? null : round(p.nps().score()));
            if (by == null) {
                series.computeIfAbsent(
                                getTranslation("reporting.nps.upper"), n -> new ArrayList<>(nulls(categories.size())))
                        .set(
                                categories.indexOf(p.bucket().label()),
                                p.nps().responses() == 0
                                        ? null
                                        : round(p.nps().score() + p.nps().marginOfError()));
                series.computeIfAbsent(
                                getTranslation("reporting.nps.lower"), n -> new ArrayList<>(nulls(categories.size())))
                        .set(
                                categories.indexOf(p.bucket().label()),
                                p.nps().responses() == 0
                                        ? null
                                        : round(p.nps().score() - p.nps().marginOfError()));
            }
        }
        Chart chart = chart(getTranslation("reporting.nps.chart"), ReportCharts.lines(categories, series, "NPS"));
        // the whole period from its buckets: one statement fewer than asking again
        Nps whole = points.stream().map(NpsTrend.Point::nps).reduce(Nps.NONE, Nps::plus);
        Nps.Change change = figures.before().changeTo(whole);
        Paragraph summary = new Paragraph(getTranslation(
                "reporting.nps.summary",
                String.format("%+.1f", whole.score()),
                String.format("%.1f", whole.marginOfError()),
                whole.responses(),
                change.tooSmall()
                        ? getTranslation("reporting.too-small")
                        : getTranslation(
                                "reporting.nps.change", String.format("%+.1f", change.points()), verdict(change))));
        summary.setId("nps-summary");
        return section(getTranslation("reporting.nps.section"), summary, pair(chart, table));
    }

    private Component revenueSection(ReportScope scope, RevenueFigures figures) {
        List<RevenueProtection.Point> points = figures.points();
        ReportTable<RevenueProtection.Point> table = new ReportTable<RevenueProtection.Point>(
                        getTranslation("reporting.revenue.title"),
                        "revenue",
                        cases(p -> DrillDown.opened(
                                        p.bucket().first(), p.bucket().last(), scope)
                                .address()))
                .column(
                        "Period",
                        getTranslation("reporting.column.period"),
                        p -> p.bucket().label())
                .column(
                        "Detractors",
                        getTranslation("reporting.column.detractors"),
                        p -> String.valueOf(p.customers().get(Segment.DETRACTOR)))
                .column(
                        "At risk, detractors",
                        getTranslation("reporting.column.at-risk-detractors"),
                        p -> money(p.atRisk().get(Segment.DETRACTOR)))
                .column(
                        "At risk, passives",
                        getTranslation("reporting.column.at-risk-passives"),
                        p -> money(p.atRisk().get(Segment.PASSIVE)))
                .column(
                        "At risk, promoters",
                        getTranslation("reporting.column.at-risk-promoters"),
                        p -> money(p.atRisk().get(Segment.PROMOTER)))
                .column("At risk", getTranslation("reporting.column.at-risk"), p -> money(p.totalAtRisk()))
                .column(
                        "Detractors recovered",
                        getTranslation("reporting.column.detractors-recovered"),
                        p -> String.valueOf(p.recovered()))
                .column("Protected", getTranslation("reporting.column.protected"), p -> money(p.protectedRevenue()))
                .rows(points);
        Map<String, List<Number>> series = new LinkedHashMap<>();
        series.put(
                getTranslation("reporting.column.at-risk"),
                points.stream().map(p -> (Number) p.totalAtRisk()).toList());
        series.put(
                getTranslation("reporting.column.protected"),
                points.stream().map(p -> (Number) p.protectedRevenue()).toList());
        Chart chart = chart(
                getTranslation("reporting.revenue.chart"),
                ReportCharts.bars(
                        points.stream().map(p -> p.bucket().label()).toList(),
                        series,
                        getTranslation("reporting.unit.revenue")));
        Paragraph formula = new Paragraph(figures.formula());
        formula.setId("revenue-formula");
        return section(getTranslation("reporting.revenue.title"), formula, pair(chart, table));
    }

    private Component loopSection(ReportScope scope, LoopFigures figures) {
        DrillDown all = DrillDown.opened(scope);
        ReportTable<LoopKpis.FollowUpRate> followUp = new ReportTable<LoopKpis.FollowUpRate>(
                        getTranslation("reporting.follow-up.title"),
                        "follow-up",
                        cases(r -> all.segment(r.segment()).address()))
                .column(
                        "Segment",
                        getTranslation("reporting.column.segment"),
                        r -> r.segment() == null ? getTranslation("reporting.all") : segment(r.segment()))
                .column(
                        "Needed a contact",
                        getTranslation("reporting.column.needed-a-contact"),
                        r -> String.valueOf(r.needed()))
                .column("Contacted", getTranslation("reporting.column.contacted"), r -> String.valueOf(r.contacted()))
                .column("Rate", getTranslation("reporting.column.rate"), r -> percent(r.percent()))
                .rows(figures.followUp());
        Chart followUpChart = chart(
                getTranslation("reporting.follow-up.chart"),
                ReportCharts.bars(
                        followUp.rows().stream()
                                .map(r -> r.segment() == null ? getTranslation("reporting.all") : segment(r.segment()))
                                .toList(),
                        Map.of(
                                getTranslation("reporting.follow-up.series"),
                                followUp.rows().stream()
                                        .map(r -> (Number) (r.percent() == null ? 0 : round(r.percent())))
                                        .toList()),
                        "%"));

        LoopKpis.Spread toContact = figures.toContact();
        LoopKpis.Spread toResolution = figures.toResolution();
        LoopKpis.Spread leadTime = figures.leadTime();
        ReportTable<Map.Entry<String, LoopKpis.Spread>> times = new ReportTable<Map.Entry<String, LoopKpis.Spread>>(
                        getTranslation("reporting.times.title"),
                        "times",
                        cases(e ->
                                e.getKey().equals(getTranslation("reporting.times.lead-time")) ? null : all.address()))
                .column("Measure", getTranslation("reporting.column.measure"), Map.Entry::getKey)
                .column(
                        "Cases",
                        getTranslation("reporting.column.cases"),
                        e -> String.valueOf(e.getValue().count()))
                .column(
                        "Median",
                        getTranslation("reporting.column.median"),
                        e -> duration(e.getValue().median()))
                .column(
                        "90th percentile",
                        getTranslation("reporting.column.90th-percentile"),
                        e -> duration(e.getValue().p90()))
                .rows(List.of(
                        Map.entry(getTranslation("reporting.column.time-to-first-contact"), toContact),
                        Map.entry(getTranslation("reporting.times.contact-to-resolution"), toResolution),
                        Map.entry(getTranslation("reporting.times.lead-time"), leadTime)));
        ReportTable<LoopKpis.Count> bands = new ReportTable<LoopKpis.Count>(
                        getTranslation("reporting.bands.title"), "contact-bands", null)
                .column(
                        "Time to first contact",
                        getTranslation("reporting.column.time-to-first-contact"),
                        c -> band(c.key()))
                .column("Cases", getTranslation("reporting.column.cases"), c -> String.valueOf(c.count()))
                .rows(figures.bands());
        Chart bandChart = chart(
                getTranslation("reporting.bands.chart"),
                ReportCharts.bars(
                        bands.rows().stream().map(c -> band(c.key())).toList(),
                        Map.of(
                                getTranslation("reporting.column.cases"),
                                bands.rows().stream()
                                        .map(c -> (Number) c.count())
                                        .toList()),
                        getTranslation("reporting.unit.cases")));

        ReportTable<LoopKpis.Compliance> sla = new ReportTable<LoopKpis.Compliance>(
                        getTranslation("reporting.sla.title"),
                        "sla",
                        cases(c -> all.group(c.group()).address()))
                .column("Group", getTranslation("reporting.column.group"), LoopKpis.Compliance::group)
                .column("Judged", getTranslation("reporting.column.judged"), c -> String.valueOf(c.judged()))
                .column("Within SLA", getTranslation("reporting.column.within-sla"), c -> String.valueOf(c.inTime()))
                .column("Compliance", getTranslation("reporting.column.compliance"), c -> percent(c.percent()))
                .rows(figures.sla());
        Chart slaChart = chart(
                getTranslation("reporting.sla.title"),
                ReportCharts.bars(
                        sla.rows().stream().map(LoopKpis.Compliance::group).toList(),
                        Map.of(
                                getTranslation("reporting.sla.series"),
                                sla.rows().stream()
                                        .map(c -> (Number) (c.percent() == null ? 0 : round(c.percent())))
                                        .toList()),
                        "%"));
        ReportTable<LoopKpis.Count> byGroup = new ReportTable<LoopKpis.Count>(
                        getTranslation("reporting.breaches-group.title"),
                        "breaches-group",
                        cases(c -> c.key().isEmpty() ? null : all.group(c.key()).address()))
                .column("Group", getTranslation("reporting.column.group"), LoopKpis.Count::key)
                .column("Breaches", getTranslation("reporting.column.breaches"), c -> String.valueOf(c.count()))
                .rows(figures.breachesByGroup());
        ReportTable<LoopKpis.Count> byStep = new ReportTable<LoopKpis.Count>(
                        getTranslation("reporting.breaches-step.title"), "breaches-step", null)
                .column("Step", getTranslation("reporting.column.step"), LoopKpis.Count::key)
                .column("Breaches", getTranslation("reporting.column.breaches"), c -> String.valueOf(c.count()))
                .rows(figures.breachesByStep());

        LoopKpis.Reachability reach = figures.reach();
        LoopKpis.Recovery recovery = figures.recovery();
        ReportTable<String[]> reachAndRecovery = new ReportTable<String[]>(
                        getTranslation("reporting.reach.title"), "reach", cases(f -> f[2]))
                .column("Measure", getTranslation("reporting.column.measure"), f -> f[0])
                .column("Value", getTranslation("reporting.column.value"), f -> f[1])
                .rows(List.of(
                        new String[] {
                            getTranslation("reporting.reach.unreachable"),
                            getTranslation(
                                    "reporting.reach.unreachable-value",
                                    String.valueOf(reach.unreachable()),
                                    String.valueOf(reach.needed()),
                                    percent(reach.unreachablePercent())),
                            all.outcome("UNREACHABLE").address()
                        },
                        new String[] {
                            getTranslation("reporting.reach.attempts"),
                            reach.attemptsPerCase() == null ? "–" : String.format("%.2f", reach.attemptsPerCase()),
                            null
                        },
                        new String[] {
                            getTranslation("reporting.reach.resurveyed"), String.valueOf(recovery.answered()), null
                        },
                        new String[] {
                            getTranslation("reporting.reach.recovered"),
                            getTranslation(
                                    "reporting.reach.recovered-value",
                                    String.valueOf(recovery.recovered()),
                                    String.valueOf(recovery.passives()),
                                    String.valueOf(recovery.promoters()),
                                    percent(recovery.percent())),
                            null
                        }));
        ReportTable<LoopKpis.Count> outcomes = new ReportTable<LoopKpis.Count>(
                        getTranslation("reporting.outcomes.title"),
                        "outcomes",
                        cases(c -> all.outcome(c.key()).address()))
                .column("Outcome", getTranslation("reporting.column.outcome"), c -> outcome(c.key()))
                .column("Cases", getTranslation("reporting.column.cases"), c -> String.valueOf(c.count()))
                .rows(figures.outcomes());
        Chart outcomeChart = chart(
                getTranslation("reporting.outcomes.chart"),
                ReportCharts.bars(
                        outcomes.rows().stream().map(c -> outcome(c.key())).toList(),
                        Map.of(
                                getTranslation("reporting.column.cases"),
                                outcomes.rows().stream()
                                        .map(c -> (Number) c.count())
                                        .toList()),
                        getTranslation("reporting.unit.cases")));

        ReportTable<LoopKpis.ParetoRow> causes = new ReportTable<LoopKpis.ParetoRow>(
                        getTranslation("reporting.causes.title"), "root-causes", null)
                .column("Root cause", getTranslation("reporting.column.root-cause"), LoopKpis.ParetoRow::key)
                .column("Cases", getTranslation("reporting.column.cases"), r -> String.valueOf(r.count()))
                .column(
                        "Cumulative share",
                        getTranslation("reporting.column.cumulative-share"),
                        r -> percent(r.cumulativePercent()))
                .rows(figures.causes());
        Map<String, List<Number>> paretoSeries = new LinkedHashMap<>();
        paretoSeries.put(
                getTranslation("reporting.column.cases"),
                causes.rows().stream().map(r -> (Number) r.count()).toList());
        Chart causeChart = chart(
                getTranslation("reporting.causes.chart"),
                ReportCharts.bars(
                        causes.rows().stream().map(LoopKpis.ParetoRow::key).toList(),
                        paretoSeries,
                        getTranslation("reporting.unit.cases")));
        ReportTable<LoopKpis.ParetoRow> themes = new ReportTable<LoopKpis.ParetoRow>(
                        getTranslation("reporting.themes.title"), "themes", null)
                .column("Theme", getTranslation("reporting.column.theme"), LoopKpis.ParetoRow::key)
                .column("Mentions", getTranslation("reporting.column.mentions"), r -> String.valueOf(r.count()))
                .column(
                        "Cumulative share",
                        getTranslation("reporting.column.cumulative-share"),
                        r -> percent(r.cumulativePercent()))
                .rows(figures.themes());
        ReportTable<LoopKpis.Agent> agents = new ReportTable<LoopKpis.Agent>(
                        getTranslation("reporting.agents.title"),
                        "agents",
                        cases(a -> all.assignee(a.agent()).address()))
                .column("Agent", getTranslation("reporting.column.agent"), LoopKpis.Agent::agent)
                .column(
                        "Reached first",
                        getTranslation("reporting.column.reached-first"),
                        a -> String.valueOf(a.contacted()))
                .column("Within SLA", getTranslation("reporting.column.within-sla"), a -> String.valueOf(a.inTime()))
                .column("Resolved", getTranslation("reporting.column.resolved"), a -> String.valueOf(a.resolved()))
                .column(
                        "Contact attempts",
                        getTranslation("reporting.column.contact-attempts"),
                        a -> String.valueOf(a.attempts()))
                .rows(figures.agents());

        return section(
                loopTitle(scope),
                pair(followUpChart, followUp),
                pair(bandChart, bands),
                pair(times),
                pair(slaChart, sla),
                pair(byGroup, byStep),
                pair(outcomeChart, outcomes),
                pair(reachAndRecovery),
                pair(causeChart, causes),
                pair(themes, agents));
    }

    private String label(Dimension dimension) {
        return switch (dimension) {
            case REGION -> getTranslation("reporting.dimension.region");
            case PRODUCT -> getTranslation("reporting.dimension.product");
            case LOCATION -> getTranslation("reporting.dimension.location");
            case TOUCHPOINT -> getTranslation("reporting.dimension.touchpoint");
            case TIER -> getTranslation("reporting.dimension.tier");
        };
    }

    private String segment(Segment segment) {
        return switch (segment) {
            case DETRACTOR -> getTranslation("reporting.segment.detractor");
            case PASSIVE -> getTranslation("reporting.segment.passive");
            case PROMOTER -> getTranslation("reporting.segment.promoter");
        };
    }

    /** Whether a change is beyond chance, in the reader's words (the CSV carries them too). */
    private String verdict(Nps.Change change) {
        if (change.tooSmall()) {
            return getTranslation("reporting.too-small");
        }
        if (!change.significant()) {
            return getTranslation("reporting.verdict.chance");
        }
        return change.points() > 0
                ? getTranslation("reporting.verdict.rise")
                : getTranslation("reporting.verdict.fall");
    }

    /** A band of the time to first contact as LoopKpis names it; another one as it is. */
    private String band(String band) {
        return switch (band) {
            case "under 1 h" -> getTranslation("reporting.band.under-1-h");
            case "1–4 h" -> getTranslation("reporting.band.1-4-h");
            case "4–24 h" -> getTranslation("reporting.band.4-24-h");
            case "1–2 days" -> getTranslation("reporting.band.1-2-days");
            case "2–7 days" -> getTranslation("reporting.band.2-7-days");
            case "7 days or more" -> getTranslation("reporting.band.7-days");
            default -> band;
        };
    }

    /** A case's outcome as stored (RESOLVED, NO_FOLLOW_UP…, OPEN while it runs); another one in lower case. */
    private String outcome(String stored) {
        return switch (stored) {
            case "OPEN" -> getTranslation("reporting.outcome.open");
            case "RESOLVED" -> getTranslation("reporting.outcome.resolved");
            case "THANKED" -> getTranslation("reporting.outcome.thanked");
            case "UNREACHABLE" -> getTranslation("reporting.outcome.unreachable");
            case "NO_FOLLOW_UP" -> getTranslation("reporting.outcome.no-follow-up");
            default -> stored.toLowerCase().replace('_', ' ');
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.reports") + " · Loopkeeper";
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
