package dev.loopkeeper.reporting.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ECharts options of the reports: plain maps, so what a chart shows is tested on the server. */
final class ReportCharts {

    private ReportCharts() {}

    /** One line per series over the categories; a null value leaves a gap. */
    static Map<String, Object> lines(List<String> categories, Map<String, List<Number>> series, String unit) {
        List<Map<String, Object>> lines = new ArrayList<>();
        series.forEach((name, values) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", name);
            line.put("type", "line");
            line.put("connectNulls", false);
            line.put("data", values);
            if (name.startsWith("±")) {
                line.put("lineStyle", Map.of("type", "dashed", "width", 1));
                line.put("symbol", "none");
            }
            lines.add(line);
        });
        return option(categories, lines, unit);
    }

    /** One bar per category and series. */
    static Map<String, Object> bars(List<String> categories, Map<String, List<Number>> series, String unit) {
        List<Map<String, Object>> bars = new ArrayList<>();
        series.forEach((name, values) -> {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("name", name);
            bar.put("type", "bar");
            bar.put("data", values);
            bars.add(bar);
        });
        return option(categories, bars, unit);
    }

    private static Map<String, Object> option(List<String> categories, List<Map<String, Object>> series, String unit) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "top", 0));
        option.put("grid", Map.of("left", 50, "right", 20, "top", 40, "bottom", 40, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", categories));
        option.put("yAxis", Map.of("type", "value", "name", unit));
        option.put("series", series);
        return option;
    }
}
