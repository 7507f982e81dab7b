package dev.loopkeeper.sla.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.loopkeeper.casework.SlaCasework;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.BarChart;
import dev.loopkeeper.sharedkernel.ui.Times;
import dev.loopkeeper.sla.BreachFilter;
import dev.loopkeeper.sla.BreachRecord;
import dev.loopkeeper.sla.BreachReport;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every SLA breach in a period: who had the case, how late it was, whether a supervisor has handled it;
 * and the trend per day. Paged and counted by the database.
 */
@Route("supervision/breaches")
@PageTitle("Breaches · Loopkeeper")
@Menu(title = "Breaches", order = 11, icon = "vaadin:alarm")
@RolesAllowed({SUPERVISORS, ADMINS})
public class BreachesView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");

    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Select<String> group = new Select<>();
    final Select<Segment> segment = new Select<>();
    final Grid<BreachRecord> grid = new Grid<>(BreachRecord.class, false);
    final Span total = new Span();
    private final VerticalLayout trend = new VerticalLayout();
    private final BreachReport report;
    private final SlaCasework casework;
    private final Clock clock;
    private final ZoneId zone = Times.zone();
    private Map<UUID, Instant> contacts = Map.of();

    public BreachesView(BreachReport report, SlaCasework casework, Directory directory, Clock clock) {
        this.report = report;
        this.casework = casework;
        this.clock = clock;
        setSizeFull();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        from.setValue(today.minusDays(13));
        to.setValue(today);
        group.setLabel("Group");
        group.setItems(directory.groups());
        group.setEmptySelectionAllowed(true);
        group.setItemLabelGenerator(g -> g == null ? "Any group" : g);
        segment.setLabel("Segment");
        segment.setItems(Segment.values());
        segment.setEmptySelectionAllowed(true);
        segment.setItemLabelGenerator(s -> s == null ? "Any segment" : s.key());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        group.addValueChangeListener(e -> refresh());
        segment.addValueChangeListener(e -> refresh());

        grid.addColumn(new ComponentRenderer<>(
                        b -> new Anchor("cases/" + b.caseId(), b.customerName() == null ? "case" : b.customerName())))
                .setKey("customer")
                .setHeader("Customer")
                .setAutoWidth(true);
        grid.addColumn(b -> b.segment() == null ? "" : b.segment())
                .setKey("segment")
                .setHeader("Segment");
        grid.addColumn(BreachRecord::candidateGroup).setKey("group").setHeader("Group");
        grid.addColumn(b -> b.assigneeAtBreach() == null ? "nobody" : b.assigneeAtBreach())
                .setKey("held")
                .setHeader("Held by at breach");
        grid.addColumn(b -> Times.format(b.dueAt(), zone))
                .setKey("due")
                .setHeader("Due")
                .setAutoWidth(true);
        grid.addColumn(this::late).setKey("late").setHeader("How late").setAutoWidth(true);
        grid.addColumn(b -> b.isHandled() ? b.decision() + " by " + b.acknowledgedBy() : "not yet")
                .setKey("handled")
                .setHeader("Handled")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();

        HorizontalLayout filters = new HorizontalLayout(from, to, group, segment, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        trend.setPadding(false);
        add(new H2("Breached SLAs"), filters, trend, grid);
        refresh();
    }

    /** Until the first contact, or until now if the customer still waits. */
    private String late(BreachRecord b) {
        Instant end = contacts.getOrDefault(b.caseId(), clock.instant());
        Duration late = Duration.between(b.dueAt(), end);
        String text = late.toDays() > 0
                ? late.toDays() + " d " + late.toHoursPart() + " h"
                : late.toHours() + " h " + late.toMinutesPart() + " min";
        return contacts.containsKey(b.caseId()) ? text : text + ", still waiting";
    }

    BreachFilter filter() {
        return new BreachFilter(
                from.isEmpty() ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.isEmpty()
                        ? null
                        : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                group.getValue(),
                segment.getValue());
    }

    private void refresh() {
        BreachFilter filter = filter();
        grid.setItems(
                query -> {
                    var page = report.page(filter, VaadinSpringDataHelpers.toSpringPageRequest(query));
                    // one lookup per page: when each listed case was first reached
                    contacts = casework.firstContacts(
                            page.stream().map(BreachRecord::caseId).collect(Collectors.toSet()));
                    return page.stream();
                },
                query -> (int) report.count(filter));
        long count = report.count(filter);
        total.setText(count + (count == 1 ? " breach" : " breaches"));
        Map<String, Long> perDay = new LinkedHashMap<>();
        report.perDay(filter).forEach((day, n) -> perDay.put(DAY.format(day), n));
        trend.removeAll();
        trend.add(new H3("Breaches per day (UTC)"), new BarChart("Breaches per day", perDay, "#d93025"));
    }
}
