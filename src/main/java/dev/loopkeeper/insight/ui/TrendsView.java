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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.insight.ThemeTrends;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.Chart;
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
@PageTitle("Trends and spikes · Loopkeeper")
@Menu(title = "Trends and spikes", order = 4.2, icon = "vaadin:trending-up")
@RolesAllowed({PROCESS_OWNERS, SUPERVISORS, ADMINS})
public class TrendsView extends VerticalLayout {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM");

    final CheckboxGroup<Segment> segments = new CheckboxGroup<>("Segments");
    final Select<Integer> weeks = new Select<>();
    final Chart chart = new Chart("Mentions of each theme per week");
    final Grid<ThemeTrends.Trend> table = new Grid<>(ThemeTrends.Trend.class, false);
    final Grid<ThemeTrends.SpikeStatus> spikes = new Grid<>(ThemeTrends.SpikeStatus.class, false);
    private final ThemeTrends trends;

    public TrendsView(ThemeTrends trends) {
        this.trends = trends;
        setWidthFull();
        segments.setItems(Segment.values());
        segments.setItemLabelGenerator(Segment::key);
        segments.select(Segment.values());
        segments.addValueChangeListener(e -> refresh());
        weeks.setLabel("Weeks");
        weeks.setItems(8, 12, 26, 52);
        weeks.setValue(12);
        weeks.addValueChangeListener(e -> refresh());
        spikes.addColumn(ThemeTrends.SpikeStatus::theme).setKey("theme").setHeader("Theme");
        spikes.addColumn(s -> s.verdict().mentions()).setKey("mentions").setHeader("Last 7 days");
        spikes.addColumn(s -> String.format("%.1f", s.verdict().mean()))
                .setKey("mean")
                .setHeader("Usual (mean)");
        spikes.addColumn(s -> String.format("%.1f", s.verdict().sd()))
                .setKey("sd")
                .setHeader("sd");
        spikes.addColumn(s -> String.format("%.1f", s.verdict().threshold()))
                .setKey("threshold")
                .setHeader("Spike above");
        spikes.addColumn(s -> s.verdict().spike() ? "rising beyond its range" : "within its range")
                .setKey("state")
                .setHeader("Now");
        spikes.setAllRowsVisible(true);
        table.setAllRowsVisible(true);
        add(
                new H2("Trends and spikes"),
                new HorizontalLayout(segments, weeks),
                chart,
                table,
                new H3("Spikes"),
                new Paragraph(trends.rule() + " Checked every hour; the theme's owner (else the process owners) is "
                        + "alerted once when it rises, and again only after it has fallen back within its range."),
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
                .setHeader("Theme")
                .setFrozen(true);
        for (LocalDate week : weekList) {
            table.addColumn(t -> t.weeks().get(week)).setKey(week.toString()).setHeader("w/c " + WEEK.format(week));
        }
        table.addColumn(ThemeTrends.Trend::total).setKey("total").setHeader("Total");
        table.setItems(rows);
        chart.setOption(option(rows, weekList));
        spikes.setItems(trends.spikes());
    }

    static Map<String, Object> option(List<ThemeTrends.Trend> rows, List<LocalDate> weekList) {
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
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        weekList.stream().map(w -> "w/c " + WEEK.format(w)).toList()));
        option.put("yAxis", Map.of("type", "value", "name", "mentions", "minInterval", 1));
        option.put("series", series);
        return option;
    }
}
