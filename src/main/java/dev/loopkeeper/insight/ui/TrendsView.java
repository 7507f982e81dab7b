package dev.loopkeeper.insight.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.PROCESS_OWNERS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.insight.ThemeTrends;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.Chart;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mentions of each theme week by week, by segment, and which themes are above their usual range now. */
@Route("themes/trends")
@Menu(title = "Trends and spikes", order = 4.2, icon = "vaadin:trending-up")
@RolesAllowed({PROCESS_OWNERS, SUPERVISORS, ADMINS})
public class TrendsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM");

    final CheckboxGroup<Segment> segments = new CheckboxGroup<>(getTranslation("insight.trends.segments"));
    final Select<Integer> weeks = new Select<>();
    final Chart chart = new Chart(getTranslation("insight.trends.chart"));
    final Grid<ThemeTrends.Trend> table = new Grid<>(ThemeTrends.Trend.class, false);
    final Grid<ThemeTrends.SpikeStatus> spikes = new Grid<>(ThemeTrends.SpikeStatus.class, false);
    private final ThemeTrends trends;

    public TrendsView(ThemeTrends trends) {
        this.trends = trends;
        setWidthFull();
        segments.setItems(Segment.values());
        segments.setItemLabelGenerator(s -> getTranslation("sharedkernel.segment." + s.key()));
        segments.select(Segment.values());
        segments.addValueChangeListener(e -> refresh());
        weeks.setLabel(getTranslation("insight.trends.weeks"));
        weeks.setItems(8, 12, 26, 52);
        weeks.setValue(12);
        weeks.addValueChangeListener(e -> refresh());
        spikes.addColumn(ThemeTrends.SpikeStatus::theme)
                .setKey("theme")
                .setHeader(getTranslation("insight.column.theme"));
        spikes.addColumn(s -> s.verdict().mentions())
                .setKey("mentions")
                .setHeader(getTranslation("insight.trends.column.last-7-days"));
        spikes.addColumn(s -> String.format(Times.locale(), "%.1f", s.verdict().mean()))
                .setKey("mean")
                .setHeader(getTranslation("insight.trends.column.mean"));
        spikes.addColumn(s -> String.format(Times.locale(), "%.1f", s.verdict().sd()))
                .setKey("sd")
                .setHeader(getTranslation("insight.trends.column.sd"));
        spikes.addColumn(s -> String.format(Times.locale(), "%.1f", s.verdict().threshold()))
                .setKey("threshold")
                .setHeader(getTranslation("insight.trends.column.threshold"));
        spikes.addColumn(s -> s.verdict().spike()
                        ? getTranslation("insight.trends.rising")
                        : getTranslation("insight.trends.within"))
                .setKey("state")
                .setHeader(getTranslation("insight.trends.column.now"));
        spikes.setAllRowsVisible(true);
        table.setAllRowsVisible(true);
        add(
                new H2(getTranslation("menu.themes.trends")),
                new HorizontalLayout(segments, weeks),
                chart,
                table,
                new H3(getTranslation("insight.trends.spikes")),
                new Paragraph(getTranslation(
                        "insight.trends.rule",
                        trends.rule().k(),
                        trends.rule().weeks(),
                        trends.rule().minimum())),
                spikes);
        refresh();
    }

    void refresh() {
        Set<Segment> chosen =
                segments.getValue().isEmpty() ? EnumSet.noneOf(Segment.class) : EnumSet.copyOf(segments.getValue());
        List<ThemeTrends.Trend> rows = trends.weekly(weeks.getValue(), chosen);
        List<LocalDate> weekList =
                rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).weeks().keySet());
        table.removeAllColumns();
        table.addColumn(ThemeTrends.Trend::theme)
                .setKey("theme")
                .setHeader(getTranslation("insight.column.theme"))
                .setFrozen(true);
        for (LocalDate week : weekList) {
            table.addColumn(t -> t.weeks().get(week)).setKey(week.toString()).setHeader(week(week));
        }
        table.addColumn(ThemeTrends.Trend::total)
                .setKey("total")
                .setHeader(getTranslation("insight.trends.column.total"));
        table.setItems(rows);
        chart.setOption(option(
                rows, weekList.stream().map(this::week).toList(), getTranslation("insight.priorities.mentions")));
        spikes.setItems(trends.spikes());
    }

    /** The week commencing on the day, in the reader's words: "w/c 3 Nov". */
    private String week(LocalDate monday) {
        return getTranslation(
                "insight.trends.week", WEEK.withLocale(Times.locale()).format(monday));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.themes.trends") + " · Loopkeeper";
    }

    static Map<String, Object> option(List<ThemeTrends.Trend> rows, List<String> weekLabels, String mentions) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (ThemeTrends.Trend trend : rows) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", trend.theme());
            line.put("type", "line");
            line.put("smooth", false);
            line.put("data", new ArrayList<>(trend.weeks().values()));
            series.add(line);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "top", 0));
        option.put("grid", Map.of("left", 40, "right", 20, "top", 40, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", weekLabels));
        option.put("yAxis", Map.of("type", "value", "name", mentions, "minInterval", 1));
        option.put("series", series);
        return option;
    }
}
