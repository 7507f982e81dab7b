package dev.loopkeeper.insight.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.PROCESS_OWNERS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.insight.ImprovementResult;
import dev.loopkeeper.insight.ImprovementStatus;
import dev.loopkeeper.insight.ImprovementView;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.insight.Themes;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/**
 * Improvement actions on a board, one column per status, each card with its theme, owner, deadline, the customers
 * waiting on it and, once verified, what it achieved; the same actions in a table below for keyboards.
 */
@Route("improvements")
@Menu(title = "Improvements", order = 5, icon = "vaadin:lightbulb")
@RolesAllowed({PROCESS_OWNERS, SUPERVISORS, ADMINS})
public class ImprovementsView extends VerticalLayout implements HasDynamicTitle {

    final FlexLayout board = new FlexLayout();
    final Grid<ImprovementView> grid = new Grid<>(ImprovementView.class, false);
    final Button create = new Button(getTranslation("insight.action.new"), VaadinIcon.PLUS.create());
    private final Improvements improvements;
    private final Clock clock;

    public ImprovementsView(
            Improvements improvements, Themes themes, Directory directory, CurrentUser currentUser, Clock clock) {
        this.improvements = improvements;
        this.clock = clock;
        NewActionDialog.Services services =
                new NewActionDialog.Services(improvements, themes, directory, currentUser.require());
        setWidthFull();
        grid.addColumn(ImprovementView::title)
                .setKey("title")
                .setHeader(getTranslation("insight.improvements.column.action"))
                .setFlexGrow(3);
        grid.addColumn(a -> a.themeName() == null ? "" : a.themeName())
                .setKey("theme")
                .setHeader(getTranslation("insight.column.theme"));
        grid.addColumn(ImprovementView::owner).setKey("owner").setHeader(getTranslation("insight.action.owner"));
        grid.addColumn(a -> Times.date(a.deadline()))
                .setKey("deadline")
                .setHeader(getTranslation("insight.action.deadline"));
        grid.addColumn(a -> column(a.status()))
                .setKey("status")
                .setHeader(getTranslation("insight.improvements.column.status"));
        grid.addColumn(ImprovementView::linkedCases)
                .setKey("linkedCases")
                .setHeader(getTranslation("insight.improvements.column.waiting"));
        grid.setAllRowsVisible(true);
        board.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        board.getStyle().set("gap", "var(--lumo-space-m)");
        board.setWidthFull();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new NewActionDialog(services, null, this::refresh).open());
        add(
                new HorizontalLayout(new H2(getTranslation("insight.improvements.heading")), create),
                new Paragraph(getTranslation("insight.improvements.intro")),
                board,
                new H3(getTranslation("insight.improvements.all")),
                grid);
        refresh();
    }

    void refresh() {
        List<ImprovementView> all = improvements.all();
        board.removeAll();
        for (ImprovementStatus status : ImprovementStatus.values()) {
            VerticalLayout column = new VerticalLayout();
            column.setId("column-" + status.name().toLowerCase());
            column.setPadding(false);
            column.getStyle().set("flex", "1 1 240px").set("min-width", "240px");
            List<ImprovementView> in =
                    all.stream().filter(a -> a.status() == status).toList();
            column.add(new H3(getTranslation("insight.improvements.column-count", column(status), in.size())));
            in.forEach(a -> column.add(card(a)));
            board.add(column);
        }
        grid.setItems(all);
    }

    private Component card(ImprovementView a) {
        Card card = new Card();
        card.setTitle(a.title());
        card.setWidthFull();
        card.getElement().setAttribute("data-action", a.id().toString());
        Div facts = new Div();
        if (a.themeName() != null) {
            Span theme = new Span(a.themeName());
            theme.getElement().getThemeList().add("badge");
            facts.add(theme, new Span(" "));
        }
        if (a.isLate(clock.instant())) {
            Span late = new Span(getTranslation("insight.improvements.late"));
            late.getElement().getThemeList().add("badge error");
            facts.add(late);
        }
        card.add(facts);
        card.add(new Paragraph(
                getTranslation("insight.improvements.card", a.owner(), Times.date(a.deadline()), a.linkedCases())));
        if (a.expectedImpact() != null) {
            card.add(new Paragraph(getTranslation("insight.improvements.expected", a.expectedImpact())));
        }
        if (a.themeId() != null) {
            card.add(result(improvements.result(a.id())));
        }
        return card;
    }

    private Paragraph result(ImprovementResult r) {
        String lead = r.leadTime() == null
                ? ""
                : getTranslation("insight.improvements.lead-time", r.leadTime().toDays()) + " ";
        String before = r.npsBefore() == null
                ? getTranslation("insight.improvements.no-responses")
                : getTranslation("insight.improvements.nps", Math.round(r.npsBefore()), r.responsesBefore());
        String after = r.npsAfter() == null
                ? getTranslation("insight.improvements.not-yet")
                : getTranslation("insight.improvements.nps", Math.round(r.npsAfter()), r.responsesAfter());
        Paragraph p = new Paragraph(lead + getTranslation("insight.improvements.result", before, after));
        p.addClassName("result");
        return p;
    }

    private String column(ImprovementStatus status) {
        return switch (status) {
            case OPEN -> getTranslation("insight.improvements.status.open");
            case IMPLEMENTED -> getTranslation("insight.improvements.status.implemented");
            case VERIFIED -> getTranslation("insight.improvements.status.verified");
            case ANNOUNCED -> getTranslation("insight.improvements.status.announced");
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.improvements") + " · Loopkeeper";
    }
}
