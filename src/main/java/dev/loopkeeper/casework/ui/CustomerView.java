package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.loopkeeper.casework.CaseRow;
import dev.loopkeeper.casework.CaseSearch;
import dev.loopkeeper.casework.CaseTimeline;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.CustomerProfile;
import dev.loopkeeper.intake.CustomerSearch;
import dev.loopkeeper.intake.PastResponse;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.ScoreBadge;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One customer: who they are (tier, lifetime value), every response with its score over time (history included),
 * every case with its outcome, every contact attempt and message; and a case opened by hand when they ask to be
 * contacted. Cases, and the responses that opened them, show only where the user may see the case.
 */
@Route("customers/:customerId")
@PermitAll
public class CustomerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CustomerSearch customers;
    private final CaseSearch caseSearch;
    private final CaseTimeline timeline;
    private final CaseIntake intake;
    private final Actor actor;
    Button openCase;

    public CustomerView(
            CustomerSearch customers,
            CaseSearch caseSearch,
            CaseTimeline timeline,
            CaseIntake intake,
            CurrentUser currentUser) {
        this.customers = customers;
        this.caseSearch = caseSearch;
        this.timeline = timeline;
        this.intake = intake;
        this.actor = currentUser.require();
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<CustomerProfile> customer = event.getRouteParameters()
                .get("customerId")
                .flatMap(CustomerView::uuid)
                .flatMap(customers::find);
        if (customer.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render(customer.get());
    }

    void render(CustomerProfile customer) {
        removeAll();
        List<PastResponse> responses = timeline.responsesOfCustomer(customer.externalId(), actor);
        List<CaseRow> cases = caseSearch.ofCustomer(actor, customer.externalId());
        add(header(customer));
        FlexLayout columns = new FlexLayout(
                column("3 1 520px", casesCard(cases), contactsCard(cases)),
                column("2 1 360px", profileCard(customer), responsesCard(responses)));
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        add(columns);
    }

    private Component header(CustomerProfile customer) {
        RouterLink back = new RouterLink(getTranslation("casework.customer.back"), CustomersView.class);
        H2 name = new H2(customer.displayName());
        name.getStyle().set("margin", "0");
        openCase = new Button(
                getTranslation("casework.customer.open-case"), VaadinIcon.PLUS.create(), e -> openCase(customer));
        openCase.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        openCase.getElement().setAttribute("title", getTranslation("casework.customer.open-case-title"));
        HorizontalLayout header = new HorizontalLayout(
                back, name, new ScoreBadge(customer.latestScore(), customer.latestSegment()), openCase);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWrap(true);
        return header;
    }

    private void openCase(CustomerProfile customer) {
        new OpenCaseDialog(customer.displayName(), (segment, reason) -> {
                    try {
                        UUID caseId = intake.openForCustomer(customer.externalId(), segment, reason, actor.userId())
                                .caseId();
                        Notices.success(getTranslation("casework.customer.case-opened", customer.displayName()));
                        UI.getCurrent().navigate(CaseView.class, new RouteParameters("caseId", caseId.toString()));
                        return true;
                    } catch (IllegalArgumentException refused) {
                        Notices.refused(refused.getMessage());
                        return false;
                    }
                })
                .open();
    }

    private Component profileCard(CustomerProfile c) {
        Card card = new Card();
        card.setTitle(getTranslation("casework.customer.title"));
        card.setWidthFull();
        card.add(
                line("customer-id", getTranslation("casework.customer.id"), c.externalId()),
                line("email", getTranslation("casework.customer.email"), c.email()),
                line("phone", getTranslation("casework.customer.phone"), c.phone()),
                line(
                        "prefers",
                        getTranslation("casework.customer.prefers"),
                        c.preferredChannel() == null ? null : Labels.inSentence(c.preferredChannel())),
                line("tier", getTranslation("casework.customer.tier"), c.tier()),
                line(
                        "lifetime-value",
                        getTranslation("casework.customer.lifetime-value"),
                        c.lifetimeValue() == null
                                ? null
                                : NumberFormat.getNumberInstance(Times.locale()).format(c.lifetimeValue())),
                line("known-since", getTranslation("casework.customer.known-since"), Times.date(c.since())));
        return card;
    }

    /** @param name the line's class, customer-{name}, the same in every language */
    private Component line(String name, String label, String value) {
        Span words = new Span(getTranslation("casework.customer.line", label) + " ");
        words.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div line = new Div(words, new Span(value == null || value.isBlank() ? "—" : value));
        line.addClassName("customer-" + name);
        return line;
    }

    private Component responsesCard(List<PastResponse> responses) {
        Card card = new Card();
        card.setTitle(
                responses.size() == 1
                        ? getTranslation("casework.customer.responses.one", responses.size())
                        : getTranslation("casework.customer.responses.many", responses.size()));
        card.setWidthFull();
        if (responses.isEmpty()) {
            card.add(new Paragraph(getTranslation("casework.customer.no-responses")));
            return card;
        }
        card.add(new ScoreHistory(responses, Times.zone()));
        Grid<PastResponse> grid = new Grid<>(PastResponse.class, false);
        grid.addColumn(r -> Times.date(r.respondedAt()))
                .setHeader(getTranslation("casework.customer.answered"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> new ScoreBadge(r.score(), r.segment())))
                .setHeader(getTranslation("casework.customer.score"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> new CollapsedText(r.comment(), 80)))
                .setHeader(getTranslation("casework.customer.comment"))
                .setFlexGrow(1);
        grid.addColumn(r -> r.history() ? getTranslation("casework.customer.history") : r.source())
                .setHeader(getTranslation("casework.customer.source"))
                .setAutoWidth(true);
        List<PastResponse> newestFirst = new ArrayList<>(responses);
        Collections.reverse(newestFirst);
        grid.setItems(newestFirst);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("customer-responses");
        card.add(grid);
        return card;
    }

    private Component casesCard(List<CaseRow> cases) {
        Card card = new Card();
        card.setTitle(
                cases.size() == 1
                        ? getTranslation("casework.customer.cases.one", cases.size())
                        : getTranslation("casework.customer.cases.many", cases.size()));
        card.setWidthFull();
        if (cases.isEmpty()) {
            card.add(new Paragraph(getTranslation("casework.customer.no-cases")));
            return card;
        }
        Grid<CaseRow> grid = new Grid<>(CaseRow.class, false);
        grid.addColumn(r -> Times.date(r.openedAt()))
                .setHeader(getTranslation("casework.customer.opened"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> new ScoreBadge(r.score(), r.segment())))
                .setHeader(getTranslation("casework.customer.score"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(CasesView::stateBadge))
                .setHeader(getTranslation("casework.customer.status"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> new CollapsedText(r.comment(), 80)))
                .setHeader(getTranslation("casework.customer.comment"))
                .setFlexGrow(1);
        grid.addColumn(r -> Times.date(r.closedAt()))
                .setHeader(getTranslation("casework.customer.closed"))
                .setAutoWidth(true);
        grid.setItems(cases);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        CaseView.class,
                        new RouteParameters("caseId", e.getItem().caseId().toString())));
        grid.setId("customer-cases");
        card.add(grid);
        return card;
    }

    private Component contactsCard(List<CaseRow> cases) {
        Card card = new Card();
        card.setTitle(getTranslation("casework.customer.contacts"));
        card.setWidthFull();
        List<CaseTimeline.CaseEntry> contacts = timeline.contactsWithCustomer(
                cases.stream().map(CaseRow::caseId).toList());
        if (contacts.isEmpty()) {
            card.add(new Paragraph(getTranslation("casework.customer.no-contacts")));
            return card;
        }
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        for (CaseTimeline.CaseEntry contact : contacts) {
            Span when = new Span(Times.format(contact.entry().at()));
            when.getStyle()
                    .set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            Div line = new Div(
                    when,
                    new Div(new Span(contact.entry().title()
                            + (contact.entry().who() == null
                                    ? ""
                                    : " (" + contact.entry().who() + ")"))));
            if (contact.entry().detail() != null && !contact.entry().detail().isBlank()) {
                line.add(new CollapsedText(contact.entry().detail(), 120));
            }
            line.getStyle().set("padding", "var(--lumo-space-xs) 0");
            list.add(line);
        }
        list.setId("customer-contacts");
        card.add(list);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("casework.customer.title") + " · Loopkeeper";
    }

    private static VerticalLayout column(String flex, Component... cards) {
        VerticalLayout column = new VerticalLayout(cards);
        column.setPadding(false);
        column.getStyle().set("flex", flex).set("min-width", "0");
        return column;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
