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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "Breaches", order = 11, icon = "vaadin:alarm")
@RolesAllowed({SUPERVISORS, ADMINS})
public class BreachesView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");

    final DatePicker from = new DatePicker(getTranslation("sla.breaches.from"));
    final DatePicker to = new DatePicker(getTranslation("sla.breaches.to"));
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
        group.setLabel(getTranslation("sla.column.group"));
        group.setItems(directory.groups());
        group.setEmptySelectionAllowed(true);
        group.setItemLabelGenerator(g -> g == null ? getTranslation("sla.breaches.any-group") : g);
        segment.setLabel(getTranslation("sla.column.segment"));
        segment.setItems(Segment.values());
        segment.setEmptySelectionAllowed(true);
        segment.setItemLabelGenerator(s -> s == null
                ? getTranslation("sla.breaches.any-segment")
                : getTranslation("sharedkernel.segment." + s.key()));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        group.addValueChangeListener(e -> refresh());
        segment.addValueChangeListener(e -> refresh());

        grid.addColumn(new ComponentRenderer<>(b -> new Anchor(
                        "cases/" + b.caseId(),
                        b.customerName() == null ? getTranslation("sla.case") : b.customerName())))
                .setKey("customer")
                .setHeader(getTranslation("sla.column.customer"))
                .setAutoWidth(true);
        grid.addColumn(b -> b.segment() == null ? "" : getTranslation("sharedkernel.segment." + b.segment()))
                .setKey("segment")
                .setHeader(getTranslation("sla.column.segment"));
        grid.addColumn(BreachRecord::candidateGroup).setKey("group").setHeader(getTranslation("sla.column.group"));
        grid.addColumn(b -> b.assigneeAtBreach() == null ? getTranslation("sla.nobody") : b.assigneeAtBreach())
                .setKey("held")
                .setHeader(getTranslation("sla.column.held"));
        grid.addColumn(b -> Times.format(b.dueAt(), zone))
                .setKey("due")
                .setHeader(getTranslation("sla.column.due"))
                .setAutoWidth(true);
        grid.addColumn(this::late)
                .setKey("late")
                .setHeader(getTranslation("sla.column.late"))
                .setAutoWidth(true);
        grid.addColumn(b -> b.isHandled()
                        ? getTranslation("sla.breaches.handled-by", decision(b.decision()), b.acknowledgedBy())
                        : getTranslation("sla.breaches.not-yet"))
                .setKey("handled")
                .setHeader(getTranslation("sla.column.handled"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();

        HorizontalLayout filters = new HorizontalLayout(from, to, group, segment, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        trend.setPadding(false);
        add(new H2(getTranslation("sla.breaches.heading")), filters, trend, grid);
        refresh();
    }

    /** Until the first contact, or until now if the customer still waits. */
    private String late(BreachRecord b) {
        Instant end = contacts.getOrDefault(b.caseId(), clock.instant());
        Duration late = Duration.between(b.dueAt(), end);
        String text = late.toDays() > 0
                ? getTranslation("sla.duration.days", late.toDays(), late.toHoursPart())
                : getTranslation("sla.duration.hours", late.toHours(), late.toMinutesPart());
        return contacts.containsKey(b.caseId()) ? text : getTranslation("sla.breaches.still-waiting", text);
    }

    /** The decision as stored (reassign, extend…) in the reader's words; an unknown one as it is. */
    private String decision(String stored) {
        return switch (stored == null ? "" : stored) {
            case "reassign" -> getTranslation("sla.decision.reassign");
            case "extend" -> getTranslation("sla.decision.extend");
            case "take-over" -> getTranslation("sla.decision.take-over");
            case "acknowledge" -> getTranslation("sla.decision.acknowledge");
            default -> stored;
        };
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
        total.setText(
                count == 1
                        ? getTranslation("sla.breaches.total.one", count)
                        : getTranslation("sla.breaches.total.many", count));
        Map<String, Long> perDay = new LinkedHashMap<>();
        DateTimeFormatter day = DAY.withLocale(Times.locale());
        report.perDay(filter).forEach((date, n) -> perDay.put(day.format(date), n));
        trend.removeAll();
        trend.add(
                new H3(getTranslation("sla.breaches.per-day-utc")),
                new BarChart(getTranslation("sla.breaches.per-day"), perDay, "#d93025"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.supervision.breaches") + " · Loopkeeper";
    }
}
