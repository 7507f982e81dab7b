package dev.loopkeeper.sharedkernel.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.Map;

/**
 * A chart drawn by Apache ECharts (src/main/frontend/charts/lk-chart.ts). The server builds the whole ECharts
 * option as plain maps and lists (https://echarts.apache.org/en/option.html; no functions, string templates
 * only), so what a chart shows is tested on the server. Put a table of the same figures beside every chart, for
 * keyboards and screen readers.
 */
@Tag("lk-chart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./charts/lk-chart.ts")
public class Chart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Map<String, Object> option = Map.of();

    /** @param label what the chart shows, read out by screen readers */
    public Chart(String label) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", label);
        setWidthFull();
        setHeight("360px");
    }

    /** Replaces what the chart shows with this ECharts option. */
    public void setOption(Map<String, Object> option) {
        this.option = option;
        try {
            getElement().callJsFunction("setOption", JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A chart option that is no JSON: " + e.getMessage(), e);
        }
    }

    /** The option last set, as the server built it. */
    public Map<String, Object> option() {
        return option;
    }

    public Registration addPointClickListener(ComponentEventListener<PointClicked> listener) {
        return addListener(PointClicked.class, listener);
    }

    /** A click on a data point: its series, and its name (a category, or a point's name). */
    @DomEvent("point-click")
    public static class PointClicked extends ComponentEvent<Chart> {

        private final String series;
        private final String name;

        public PointClicked(
                Chart source,
                boolean fromClient,
                @EventData("event.detail.series") String series,
                @EventData("event.detail.name") String name) {
            super(source, fromClient);
            this.series = series;
            this.name = name;
        }

        public String series() {
            return series;
        }

        public String name() {
            return name;
        }
    }
}
