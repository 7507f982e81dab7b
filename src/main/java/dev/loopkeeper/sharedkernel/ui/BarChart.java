package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.html.Div;
import java.util.Map;

/**
 * Counts as a small SVG bar chart, one bar per label, with the counts written above the bars and the whole
 * series read out to screen readers. No chart library needed (Vaadin's charts are commercial).
 */
public class BarChart extends Div {

    public BarChart(String title, Map<String, Long> counts, String colour) {
        int width = Math.max(240, counts.size() * 36);
        int height = 140;
        int top = 18;
        int bottom = 28;
        long max = Math.max(
                1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        double slot = (double) width / Math.max(1, counts.size());
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='" + width + "' height='"
                + height + "' viewBox='0 0 " + width + " " + height + "'>");
        StringBuilder spoken = new StringBuilder(title + ": ");
        int i = 0;
        for (Map.Entry<String, Long> bar : counts.entrySet()) {
            double h = (height - top - bottom) * (double) bar.getValue() / max;
            double x = i * slot + slot * 0.15;
            double y = height - bottom - h;
            svg.append("<rect x='")
                    .append(x)
                    .append("' y='")
                    .append(y)
                    .append("' width='")
                    .append(slot * 0.7)
                    .append("' height='")
                    .append(h)
                    .append("' fill='")
                    .append(colour)
                    .append("'><title>")
                    .append(escape(bar.getKey()))
                    .append(": ")
                    .append(bar.getValue())
                    .append("</title></rect>");
            if (bar.getValue() > 0) {
                svg.append("<text x='")
                        .append(x + slot * 0.35)
                        .append("' y='")
                        .append(y - 4)
                        .append("' font-size='10' text-anchor='middle' fill='#3c4043'>")
                        .append(bar.getValue())
                        .append("</text>");
            }
            svg.append("<text x='")
                    .append(x + slot * 0.35)
                    .append("' y='")
                    .append(height - bottom + 14)
                    .append("' font-size='9' text-anchor='middle' fill='#5f6368'>")
                    .append(escape(bar.getKey()))
                    .append("</text>");
            spoken.append(bar.getKey()).append(" ").append(bar.getValue()).append(i < counts.size() - 1 ? ", " : ".");
            i++;
        }
        svg.append("</svg>");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", spoken.toString());
        getElement().setProperty("innerHTML", svg.toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;");
    }
}
