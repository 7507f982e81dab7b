package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.loopkeeper.casework.CaseExport;
import dev.loopkeeper.casework.CaseOutcome;
import dev.loopkeeper.casework.CaseQuery;
import dev.loopkeeper.casework.CaseQueryAddress;
import dev.loopkeeper.casework.CaseRow;
import dev.loopkeeper.casework.CaseSearch;
import dev.loopkeeper.casework.CaseState;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.RegionZones;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.Tally;
import dev.loopkeeper.sharedkernel.ui.CalendarWords;
import dev.loopkeeper.sharedkernel.ui.ScoreBadge;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.data.domain.Sort;

/**
 * Every case in any state (to do, waiting for a reply or a fix, closed) that the user may see, searched by what a
 * caller says and filtered; paged and sorted in SQL. The address carries the query ({@link CaseQueryAddress}), and
 * the export writes all of the query's cases as CSV. The filters fold away, so on a phone the list comes first.
 */
@Route("cases")
@Menu(title = "Cases", order = 1, icon = "vaadin:archive")
@PermitAll
public class CasesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final TextField search = new TextField();
    final MultiSelectComboBox<CaseState> states = new MultiSelectComboBox<>(getTranslation("casework.cases.status"));
    final MultiSelectComboBox<CaseOutcome> outcomes =
            new MultiSelectComboBox<>(getTranslation("casework.cases.outcome"));
    final MultiSelectComboBox<Segment> segments = new MultiSelectComboBox<>(getTranslation("casework.cases.segment"));
    final IntegerField minScore = new IntegerField(getTranslation("casework.cases.score-from"));
    final IntegerField maxScore = new IntegerField(getTranslation("casework.cases.score-to"));
    final Select<String> group = new Select<>();
    final ComboBox<String> assignee = new ComboBox<>(getTranslation("casework.cases.held-by"));
    final ComboBox<String> region = new ComboBox<>(getTranslation("casework.cases.region"));
    final ComboBox<String> product = new ComboBox<>(getTranslation("casework.cases.product"));
    final DatePicker openedFrom = CalendarWords.localized(new DatePicker(getTranslation("casework.cases.opened-from")));
    final DatePicker openedTo = CalendarWords.localized(new DatePicker(getTranslation("casework.cases.opened-to")));
    final DatePicker closedFrom = CalendarWords.localized(new DatePicker(getTranslation("casework.cases.closed-from")));
    final DatePicker closedTo = CalendarWords.localized(new DatePicker(getTranslation("casework.cases.closed-to")));
    final Details filters = new Details();
    final Grid<CaseRow> grid = new Grid<>(CaseRow.class, false);
    final Span total = new Span();
    final Anchor export;

    private final CaseSearch cases;
    private final Actor actor;
    private final Clock clock;
    private final RegionZones regions;
    private volatile CaseQuery query = CaseQuery.all();
    private volatile Sort sort = Sort.unsorted();
    private boolean applyingUrl;

    public CasesView(
            CaseSearch cases,
            CaseExport csv,
            Directory directory,
            CurrentUser currentUser,
            Clock clock,
            RegionZones regions) {
        this.regions = regions;
        this.cases = cases;
        this.actor = currentUser.require();
        this.clock = clock;
        setSizeFull();

        search.setPlaceholder(getTranslation("casework.cases.search-placeholder"));
        search.setAriaLabel(getTranslation("casework.cases.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(36em, 100%)");

        states.setItems(CaseState.values());
        states.setItemLabelGenerator(Labels::of);
        outcomes.setItems(CaseOutcome.values());
        outcomes.setItemLabelGenerator(Labels::of);
        segments.setItems(Segment.values());
        segments.setItemLabelGenerator(Labels::of);
        for (IntegerField score : List.of(minScore, maxScore)) {
            score.setMin(0);
            score.setMax(10);
            score.setStepButtonsVisible(true);
            score.setWidth("7em");
        }
        group.setLabel(getTranslation("casework.cases.group"));
        List<String> groups = actor.oversees() ? directory.groups() : new ArrayList<>(new TreeSet<>(actor.groups()));
        group.setItems(groups);
        group.setEmptySelectionAllowed(true);
        group.setItemLabelGenerator(g -> g == null ? getTranslation("casework.cases.any-group") : g);
        assignee.setItems(directory.users());
        assignee.setClearButtonVisible(true);
        region.setItems(cases.regions());
        region.setClearButtonVisible(true);
        product.setItems(cases.products());
        product.setClearButtonVisible(true);
        for (DatePicker day : List.of(openedFrom, openedTo, closedFrom, closedTo)) {
            day.setClearButtonVisible(true);
            day.setWidth("10em");
        }

        FlexLayout fields = new FlexLayout(
                states,
                outcomes,
                segments,
                minScore,
                maxScore,
                group,
                assignee,
                region,
                product,
                openedFrom,
                openedTo,
                closedFrom,
                closedTo);
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
        filters.setSummaryText(getTranslation("casework.cases.filters"));
        filters.add(fields);
        filters.setWidthFull();
        // open where there is room; on a phone the list comes first
        UI.getCurrent().getPage().retrieveExtendedClientDetails(d -> filters.setOpened(d.getWindowInnerWidth() > 700));

        export = new Anchor();
        export.setText(getTranslation("casework.cases.export"));
        export.setId("export-cases");
        export.getElement().setAttribute("download", true);

        HorizontalLayout title = new HorizontalLayout(new H2(getTranslation("casework.cases.title")), total, export);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(title, search, filters, grid());
        expand(grid);

        search.addValueChangeListener(e -> changed());
        List.of(states, outcomes, segments).forEach(f -> f.addValueChangeListener(e -> changed()));
        List.of(minScore, maxScore).forEach(f -> f.addValueChangeListener(e -> changed()));
        group.addValueChangeListener(e -> changed());
        List.of(assignee, region, product).forEach(f -> f.addValueChangeListener(e -> changed()));
        List.of(openedFrom, openedTo, closedFrom, closedTo).forEach(f -> f.addValueChangeListener(e -> changed()));
        exportWith(csv);
    }

    private void exportWith(CaseExport csv) {
        ZoneId zone = Times.zone();
        export.setHref((DownloadHandler) event -> {
            event.setFileName("cases.csv");
            event.setContentType("text/csv; charset=utf-8");
            try (OutputStream out = event.getOutputStream()) {
                csv.write(actor, query, zone, sort, out);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("casework.cases.title") + " · Loopkeeper";
    }

    private Component grid() {
        grid.addColumn(new ComponentRenderer<>(row -> {
                    Span name = new Span(row.customerName() == null ? row.customerExternalId() : row.customerName());
                    Span id = new Span(row.customerExternalId());
                    id.getStyle()
                            .set("color", "var(--lumo-secondary-text-color)")
                            .set("font-size", "var(--lumo-font-size-s)");
                    VerticalLayout both = new VerticalLayout(name, id);
                    both.setPadding(false);
                    both.setSpacing(false);
                    return both;
                }))
                .setKey("customer")
                .setHeader(getTranslation("casework.cases.customer"))
                .setSortProperty("customerName")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(row -> new ScoreBadge(row.score(), row.segment())))
                .setKey("score")
                .setHeader(getTranslation("casework.cases.score"))
                .setSortProperty("score")
                .setTextAlign(ColumnTextAlign.CENTER)
                .setWidth("6.5em")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(CasesView::stateBadge))
                .setKey("state")
                .setHeader(getTranslation("casework.cases.status"))
                .setAutoWidth(true);
        grid.addColumn(row -> excerpt(row.comment()))
                .setKey("comment")
                .setHeader(getTranslation("casework.cases.comment"))
                .setFlexGrow(3)
                .setWidth("16em")
                .setTooltipGenerator(CaseRow::comment);
        grid.addColumn(new ComponentRenderer<>(row ->
                        row.nextDue() == null ? new Span(row.holder() == null ? "" : row.holder()) : withDue(row)))
                .setKey("holder")
                .setHeader(getTranslation("casework.cases.holder"))
                .setAutoWidth(true);
        grid.addColumn(row -> Times.date(row.openedAt()))
                .setKey("opened")
                .setHeader(getTranslation("casework.cases.opened"))
                .setSortProperty("openedAt")
                .setTooltipGenerator(row -> Times.format(row.openedAt()))
                .setAutoWidth(true);
        grid.addColumn(row -> Times.date(row.closedAt()))
                .setKey("closed")
                .setHeader(getTranslation("casework.cases.closed"))
                .setSortProperty("closedAt")
                .setTooltipGenerator(row -> Times.format(row.closedAt()))
                .setAutoWidth(true);
        grid.addColumn(row -> join(row.region(), row.product()))
                .setKey("where")
                .setHeader(getTranslation("casework.cases.where"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(false);
        grid.setSizeFull();
        grid.setItems(
                q -> {
                    sort = VaadinSpringDataHelpers.toSpringDataSort(q);
                    return cases
                            .page(actor, query, Times.zone(), VaadinSpringDataHelpers.toSpringPageRequest(q))
                            .stream();
                },
                q -> (int) cases.count(actor, query, Times.zone()));
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        CaseView.class,
                        new RouteParameters("caseId", e.getItem().caseId().toString())));
        grid.getElement().setAttribute("aria-label", getTranslation("casework.cases.title"));
        return grid;
    }

    private Component withDue(CaseRow row) {
        HorizontalLayout both = new HorizontalLayout(
                new Span(row.holder() == null ? "" : row.holder()),
                SlaBadge.of(row.nextDue(), clock.instant(), Times.zone(), regions.zoneOf(row.region())));
        both.setSpacing(true);
        both.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return both;
    }

    static Span stateBadge(CaseRow row) {
        // a closed case says how it closed, as the list is read for that
        Span badge = new Span(
                row.state() == CaseState.CLOSED && row.closedAs() != null
                        ? I18NProvider.translate("casework.state.closed-as", Labels.of(row.closedAs()))
                        : Labels.of(row.state()));
        String theme = switch (row.state()) {
            case TO_DO -> "badge";
            case WAITING_FOR_REPLY, WAITING_FOR_FIX -> "badge contrast";
            case CLOSED -> row.closedAs() == CaseOutcome.UNREACHABLE ? "badge error" : "badge success";
        };
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b == null ? "" : b;
        }
        return b == null ? a : a + " · " + b;
    }

    private static String excerpt(String comment) {
        if (comment == null) {
            return "";
        }
        return comment.length() <= 100 ? comment : comment.substring(0, 97) + "…";
    }

    // --- the address carries the query ----------------------------------------------------------------

    CaseQuery fields() {
        return new CaseQuery(
                states.getValue(),
                outcomes.getValue(),
                segments.getValue(),
                minScore.getValue(),
                maxScore.getValue(),
                group.getValue(),
                assignee.getValue(),
                region.getValue(),
                product.getValue(),
                openedFrom.getValue(),
                openedTo.getValue(),
                closedFrom.getValue(),
                closedTo.getValue(),
                search.getValue());
    }

    private void changed() {
        if (applyingUrl) {
            return;
        }
        CaseQuery next = fields();
        if (!next.equals(query)) {
            UI.getCurrent().navigate(CasesView.class, new QueryParameters(CaseQueryAddress.parameters(next)));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        query = CaseQueryAddress.query(event.getLocation().getQueryParameters().getParameters());
        applyingUrl = true;
        try {
            search.setValue(query.text() == null ? "" : query.text());
            states.setValue(query.states());
            outcomes.setValue(query.outcomes());
            segments.setValue(query.segments());
            minScore.setValue(query.minScore());
            maxScore.setValue(query.maxScore());
            group.setValue(query.group());
            assignee.setValue(query.assignee());
            region.setValue(query.region());
            product.setValue(query.product());
            openedFrom.setValue(query.openedFrom());
            openedTo.setValue(query.openedTo());
            closedFrom.setValue(query.closedFrom());
            closedTo.setValue(query.closedTo());
        } finally {
            applyingUrl = false;
        }
        long active = CaseQueryAddress.parameters(query).keySet().stream()
                .filter(k -> !k.equals("q"))
                .count();
        filters.setSummaryText(
                active == 0
                        ? getTranslation("casework.cases.filters")
                        : getTranslation("casework.cases.filters-count", active));
        grid.getDataProvider().refreshAll();
        Tally tally = cases.tally(actor, query, Times.zone());
        ListSize.show(grid.getLazyDataView(), tally);
        total.setText(Labels.casesFound(tally));
    }
}
