package dev.loopkeeper.insight.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.PROCESS_OWNERS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.insight.ThemePriorities;
import dev.loopkeeper.insight.Themes;
import dev.loopkeeper.sharedkernel.ui.Chart;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Themes by how often they are raised and what they cost: a chart whose top right is where to act first, the same
 * figures in a table, how each is computed, and an improvement action one click away.
 */
@Route("themes/priorities")
@Menu(title = "Priority matrix", order = 4.3, icon = "vaadin:grid-small")
@RolesAllowed({PROCESS_OWNERS, SUPERVISORS, ADMINS})
public class PrioritiesView extends VerticalLayout implements HasDynamicTitle {

    final Chart chart = new Chart(getTranslation("insight.priorities.chart"));
    final Grid<ThemePriorities.ThemeImpact> table = new Grid<>(ThemePriorities.ThemeImpact.class, false);
    final Paragraph summary = new Paragraph();
    private final ThemePriorities priorities;
    private final NewActionDialog.Services services;

    public PrioritiesView(
            ThemePriorities priorities,
            Improvements improvements,
            Themes themes,
            Directory directory,
            CurrentUser currentUser) {
        this.priorities = priorities;
        this.services = new NewActionDialog.Services(improvements, themes, directory, currentUser.require());
        setWidthFull();
        NumberFormat money = NumberFormat.getNumberInstance(Times.locale());
        money.setMaximumFractionDigits(0);
        table.addColumn(ThemePriorities.ThemeImpact::theme)
                .setKey("theme")
                .setHeader(getTranslation("insight.column.theme"));
        table.addColumn(t -> quadrant(t.quadrant()))
                .setKey("quadrant")
                .setHeader(getTranslation("insight.priorities.column.where"));
        table.addColumn(ThemePriorities.ThemeImpact::mentions)
                .setKey("mentions")
                .setHeader(getTranslation("insight.priorities.column.mentions"));
        table.addColumn(ThemePriorities.ThemeImpact::customers)
                .setKey("customers")
                .setHeader(getTranslation("insight.priorities.column.customers"));
        table.addColumn(t -> getTranslation("insight.priorities.percent", Math.round(t.detractorShare() * 100)))
                .setKey("detractorShare")
                .setHeader(getTranslation("insight.priorities.column.detractors"));
        table.addColumn(t -> String.format(Times.locale(), "%.1f", t.npsDrag()))
                .setKey("npsDrag")
                .setHeader(getTranslation("insight.priorities.drag"));
        table.addColumn(t -> money.format(t.revenueAtRisk()))
                .setKey("revenueAtRisk")
                .setHeader(getTranslation("insight.priorities.column.revenue"));
        table.addComponentColumn(t -> {
                    Button act = new Button(
                            getTranslation("insight.priorities.create-action"),
                            e -> new NewActionDialog(services, t.themeId(), () -> {}).open());
                    act.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    act.getElement()
                            .setAttribute(
                                    "aria-label", getTranslation("insight.priorities.create-action-for", t.theme()));
                    return act;
                })
                .setKey("act")
                .setAutoWidth(true);
        table.setAllRowsVisible(true);
        UnorderedList formulas = new UnorderedList();
        priorities.formulas().forEach(f -> formulas.add(new ListItem(f)));
        add(new H2(getTranslation("menu.themes.priorities")), summary, chart, table, formulas);
        refresh();
    }

    void refresh() {
        ThemePriorities.Matrix matrix = priorities.matrix();
        summary.setText(getTranslation(
                "insight.priorities.summary",
                matrix.window().toDays(),
                matrix.responses(),
                matrix.nps() == null ? "–" : String.format(Times.locale(), "%.0f", matrix.nps())));
        table.setItems(matrix.themes());
        chart.setOption(option(matrix, key -> getTranslation(key)));
    }

    private String quadrant(ThemePriorities.Quadrant quadrant) {
        return switch (quadrant) {
            case FIX_FIRST -> getTranslation("insight.quadrant.fix-first");
            case WATCH -> getTranslation("insight.quadrant.watch");
            case QUICK_LOOK -> getTranslation("insight.quadrant.quick-look");
            case LATER -> getTranslation("insight.quadrant.later");
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.themes.priorities") + " · Loopkeeper";
    }

    /** A quarter more than the value, rounded up to a whole number that is at least 1. */
    static long headroom(double value) {
        return Math.max(1, (long) Math.ceil(value * 1.25));
    }

    /** The chart of the matrix, its words looked up by {@code words} (the view passes its translations). */
    static Map<String, Object> option(ThemePriorities.Matrix matrix, UnaryOperator<String> words) {
        BigDecimal most = matrix.themes().stream()
                .map(ThemePriorities.ThemeImpact::revenueAtRisk)
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ONE)
                .max(BigDecimal.ONE);
        List<Map<String, Object>> points = new ArrayList<>();
        for (ThemePriorities.ThemeImpact t : matrix.themes()) {
            double size = 12 + 38 * Math.sqrt(t.revenueAtRisk().doubleValue() / most.doubleValue());
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("name", t.theme());
            point.put("value", List.of(t.mentions(), Math.round(t.npsDrag() * 10) / 10.0, t.revenueAtRisk()));
            point.put("symbolSize", Math.round(size));
            point.put(
                    "itemStyle",
                    Map.of("color", t.quadrant() == ThemePriorities.Quadrant.FIX_FIRST ? "#c62828" : "#1565c0"));
            points.add(point);
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", words.apply("insight.priorities.series"));
        series.put("type", "scatter");
        series.put("data", points);
        series.put("label", Map.of("show", true, "position", "top", "formatter", "{b}"));
        series.put(
                "markLine",
                Map.of(
                        "silent",
                        true,
                        "symbol",
                        "none",
                        "lineStyle",
                        Map.of("type", "dashed", "color", "#9e9e9e"),
                        "label",
                        Map.of("formatter", "{b}", "color", "#757575", "position", "insideEndTop"),
                        "data",
                        List.of(
                                Map.of(
                                        "xAxis",
                                        matrix.medianMentions(),
                                        "name",
                                        words.apply("insight.priorities.median-mentions")),
                                Map.of(
                                        "yAxis",
                                        matrix.medianDrag(),
                                        "name",
                                        words.apply("insight.priorities.median-drag")))));
        series.put(
                "markArea",
                Map.of(
                        "silent", true,
                        "itemStyle", Map.of("color", "rgba(198, 40, 40, 0.06)"),
                        "label", Map.of("show", true, "position", "insideTopRight", "color", "#c62828"),
                        "data",
                                List.of(List.of(
                                        Map.of(
                                                "name", words.apply("insight.quadrant.fix-first"),
                                                "xAxis", matrix.medianMentions(),
                                                "yAxis", matrix.medianDrag()),
                                        Map.of("xAxis", "max", "yAxis", "max")))));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item", "formatter", words.apply("insight.priorities.tooltip")));
        option.put("grid", Map.of("left", 60, "right", 40, "top", 30, "bottom", 50));
        // room beyond the largest values, so that a bubble in the top right corner and its label are whole
        int mostMentions = matrix.themes().stream()
                .mapToInt(ThemePriorities.ThemeImpact::mentions)
                .max()
                .orElse(0);
        double mostDrag = matrix.themes().stream()
                .mapToDouble(ThemePriorities.ThemeImpact::npsDrag)
                .max()
                .orElse(0);
        double leastDrag = matrix.themes().stream()
                .mapToDouble(ThemePriorities.ThemeImpact::npsDrag)
                .min()
                .orElse(0);
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "value",
                        "name",
                        words.apply("insight.priorities.mentions"),
                        "nameLocation",
                        "middle",
                        "nameGap",
                        28,
                        "min",
                        0,
                        "max",
                        headroom(mostMentions)));
        option.put(
                "yAxis",
                Map.of(
                        "type",
                        "value",
                        "name",
                        words.apply("insight.priorities.drag"),
                        "nameLocation",
                        "middle",
                        "nameGap",
                        40,
                        "min",
                        leastDrag < 0 ? -headroom(-leastDrag) : 0,
                        "max",
                        headroom(mostDrag)));
        option.put("series", List.of(series));
        return option;
    }
}
