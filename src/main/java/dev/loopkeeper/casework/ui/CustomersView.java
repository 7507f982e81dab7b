package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.loopkeeper.intake.CustomerProfile;
import dev.loopkeeper.intake.CustomerSearch;
import dev.loopkeeper.sharedkernel.ui.ScoreBadge;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;

/**
 * Customers found by name, external id, email or phone: the agent who takes a call looks the caller up here. Paged in
 * SQL; the address carries the search.
 */
@Route("customers")
@Menu(title = "Customers", order = 2, icon = "vaadin:users")
@PermitAll
public class CustomersView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final TextField search = new TextField();
    final Grid<CustomerProfile> grid = new Grid<>(CustomerProfile.class, false);
    final Span total = new Span();

    private final CustomerSearch customers;
    private String text;

    public CustomersView(CustomerSearch customers) {
        this.customers = customers;
        setSizeFull();
        search.setPlaceholder(getTranslation("casework.customers.search-placeholder"));
        search.setAriaLabel(getTranslation("casework.customers.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(30em, 100%)");
        search.addValueChangeListener(e -> {
            if (!e.getValue().equals(text == null ? "" : text)) {
                UI.getCurrent()
                        .navigate(
                                CustomersView.class,
                                e.getValue().isBlank()
                                        ? QueryParameters.empty()
                                        : new QueryParameters(Map.of("q", List.of(e.getValue()))));
            }
        });

        grid.addColumn(CustomerProfile::displayName)
                .setKey("name")
                .setHeader(getTranslation("casework.customers.customer"))
                .setSortProperty("name")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(CustomerProfile::externalId)
                .setKey("externalId")
                .setHeader(getTranslation("casework.customers.id"))
                .setSortProperty("externalId")
                .setAutoWidth(true);
        grid.addColumn(c -> c.email() == null ? "" : c.email())
                .setKey("email")
                .setHeader(getTranslation("casework.customers.email"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.phone() == null ? "" : c.phone())
                .setKey("phone")
                .setHeader(getTranslation("casework.customers.phone"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(c -> new ScoreBadge(c.latestScore(), c.latestSegment())))
                .setKey("latest")
                .setHeader(getTranslation("casework.customers.latest-score"))
                .setTextAlign(ColumnTextAlign.CENTER)
                .setAutoWidth(true);
        grid.addColumn(c -> Times.date(c.latestAt()))
                .setKey("latestAt")
                .setHeader(getTranslation("casework.customers.last-heard"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.tier() == null ? "" : c.tier())
                .setKey("tier")
                .setHeader(getTranslation("casework.customers.tier"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setMultiSort(false);
        grid.setSizeFull();
        grid.setItems(q -> customers.page(text, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(), q ->
                (int) customers.count(text));
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        CustomerView.class,
                        new RouteParameters("customerId", e.getItem().id().toString())));
        grid.getElement().setAttribute("aria-label", getTranslation("casework.customers.title"));

        HorizontalLayout title = new HorizontalLayout(new H2(getTranslation("casework.customers.title")), total);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(title, search, grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("casework.customers.title") + " · Loopkeeper";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> q =
                event.getLocation().getQueryParameters().getParameters().get("q");
        text = q == null || q.isEmpty() || q.get(0).isBlank() ? null : q.get(0);
        search.setValue(text == null ? "" : text);
        grid.getDataProvider().refreshAll();
        long count = customers.count(text);
        total.setText(
                count == 1
                        ? getTranslation("casework.customers.count.one", count)
                        : getTranslation("casework.customers.count.many", count));
    }
}
