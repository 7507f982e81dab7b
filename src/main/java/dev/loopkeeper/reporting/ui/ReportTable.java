package dev.loopkeeper.reporting.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.loopkeeper.casework.CaseExport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A report's table: its figures in a grid (what keyboards and screen readers read instead of the chart beside it),
 * a link per row to the cases behind it, and the same columns as CSV, written with the case list's formula-safe
 * writer as the rows come.
 */
class ReportTable<T> extends Div {

    /** A column: its header in the CSV (English, for machines) and its values. */
    record Column<T>(String header, Function<T, String> value) {}

    final Grid<T> grid = new Grid<>();
    final Anchor export = new Anchor();
    private final List<Column<T>> columns = new ArrayList<>();
    private List<T> rows = List.of();

    ReportTable(String title, String id, Function<T, String> drillDown) {
        setId(id);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(title);
        export.setText(getTranslation("reporting.export-csv"));
        export.getElement().setAttribute("download", true);
        export.setId(id + "-csv");
        export.setHref((DownloadHandler) event -> {
            event.setFileName(id + ".csv");
            event.setContentType("text/csv; charset=utf-8");
            try (OutputStream out = event.getOutputStream()) {
                write(out);
            }
        });
        HorizontalLayout head = new HorizontalLayout(new H4(title), export);
        head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(head, grid);
        this.drillDown = drillDown;
        getStyle().set("flex", "1 1 28em").set("min-width", "min(28em, 100%)");
    }

    private final Function<T, String> drillDown;

    /** A column headed by {@code shown} on the screen and by {@code csvHeader} in the CSV. */
    ReportTable<T> column(String csvHeader, String shown, Function<T, String> value) {
        columns.add(new Column<>(csvHeader, value));
        grid.addColumn(value::apply)
                .setHeader(shown)
                .setKey("c" + columns.size())
                .setAutoWidth(true);
        return this;
    }

    /** After the columns: the link to the cases, then the rows. */
    ReportTable<T> rows(List<T> newRows) {
        if (drillDown != null && grid.getColumnByKey("cases") == null) {
            grid.addColumn(new ComponentRenderer<>(row -> {
                        String address = drillDown.apply(row);
                        if (address == null) {
                            return new Div();
                        }
                        Anchor cases = new Anchor(address, getTranslation("reporting.column.cases"));
                        cases.getElement()
                                .setAttribute(
                                        "aria-label",
                                        getTranslation(
                                                "reporting.cases-behind",
                                                columns.get(0).value().apply(row)));
                        return cases;
                    }))
                    .setHeader(getTranslation("reporting.column.cases"))
                    .setKey("cases")
                    .setAutoWidth(true)
                    .setFrozenToEnd(true);
        }
        rows = List.copyOf(newRows);
        grid.setItems(rows);
        return this;
    }

    /** The address of the cases behind a row, or null when it has none. */
    String drillDownOf(T row) {
        return drillDown == null ? null : drillDown.apply(row);
    }

    List<T> rows() {
        return rows;
    }

    void write(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(CaseExport.line(columns.stream().map(Column::header).toList()));
        for (T row : rows) {
            writer.write(CaseExport.line(
                    columns.stream().map(c -> c.value().apply(row)).toList()));
        }
        writer.flush();
    }
}
