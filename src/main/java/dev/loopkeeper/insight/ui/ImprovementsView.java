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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * Improvement actions on a board, one column per status, each card with its theme, owner, deadline, the customers
 * waiting on it and, once verified, what it achieved; the same actions in a table below for keyboards.
 */
@Route("improvements")
@PageTitle("Improvements · Loopkeeper")
@Menu(title = "Improvements", order = 5, icon = "vaadin:lightbulb")
@RolesAllowed({PROCESS_OWNERS, SUPERVISORS, ADMINS})
public class ImprovementsView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    static final Map<ImprovementStatus, String> COLUMNS = Map.of(
            ImprovementStatus.OPEN, "To do",
            ImprovementStatus.IMPLEMENTED, "To verify",
            ImprovementStatus.VERIFIED, "Verified",
            ImprovementStatus.ANNOUNCED, "Fix released");

    final FlexLayout board = new FlexLayout();
    final Grid<ImprovementView> grid = new Grid<>(ImprovementView.class, false);
    final Button create = new Button("New improvement action", VaadinIcon.PLUS.create());
    private final Improvements improvements;
    private final Clock clock;
    private final ZoneId zone = Times.zone();

    public ImprovementsView(
            Improvements improvements, Themes themes, Directory directory, CurrentUser currentUser, Clock clock) {
        this.improvements = improvements;
        this.clock = clock;
        NewActionDialog.Services services =
                new NewActionDialog.Services(improvements, themes, directory, currentUser.require());
        setWidthFull();
        grid.addColumn(ImprovementView::title)
                .setKey("title")
                .setHeader("Action")
                .setFlexGrow(3);
        grid.addColumn(a -> a.themeName() == null ? "" : a.themeName())
                .setKey("theme")
                .setHeader("Theme");
        grid.addColumn(ImprovementView::owner).setKey("owner").setHeader("Owner");
        grid.addColumn(a -> DATE.format(a.deadline().atZone(zone)))
                .setKey("deadline")
                .setHeader("Deadline");
        grid.addColumn(a -> COLUMNS.get(a.status())).setKey("status").setHeader("Status");
        grid.addColumn(ImprovementView::linkedCases).setKey("linkedCases").setHeader("Customers waiting");
        grid.setAllRowsVisible(true);
        board.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        board.getStyle().set("gap", "var(--lumo-space-m)");
        board.setWidthFull();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new NewActionDialog(services, null, this::refresh).open());
        add(
                new HorizontalLayout(new H2("Improvement actions"), create),
                new Paragraph("Start an action from a theme (Priority matrix) or here. While it is open, new "
                        + "responses of its theme join it; when its fix is verified, every linked customer is told "
                        + "once and everyone who handled their cases gets a \"you said, we did\" note. Lead time runs "
                        + "from the theme's creation to the verified fix; NPS is that of the theme's customers "
                        + "before and after the release."),
                board,
                new H3("All actions"),
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
            column.add(new H3(COLUMNS.get(status) + " (" + in.size() + ")"));
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
            Span late = new Span("late");
            late.getElement().getThemeList().add("badge error");
            facts.add(late);
        }
        card.add(facts);
        card.add(new Paragraph(a.owner() + " · due " + DATE.format(a.deadline().atZone(zone)) + " · " + a.linkedCases()
                + " customer(s) linked"));
        if (a.expectedImpact() != null) {
            card.add(new Paragraph("Expected: " + a.expectedImpact()));
        }
        if (a.themeId() != null) {
            card.add(result(improvements.result(a.id())));
        }
        return card;
    }

    static Paragraph result(ImprovementResult r) {
        String lead = r.leadTime() == null
                ? ""
                : "Theme to verified fix: " + r.leadTime().toDays() + " days. ";
        String before = r.npsBefore() == null
                ? "no responses"
                : String.format("%.0f (%d responses)", r.npsBefore(), r.responsesBefore());
        String after = r.npsAfter() == null
                ? "not yet"
                : String.format("%.0f (%d responses)", r.npsAfter(), r.responsesAfter());
        Paragraph p = new Paragraph(lead + "NPS of its customers before: " + before + "; after: " + after + ".");
        p.addClassName("result");
        return p;
    }
}
