package dev.loopkeeper.sla.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.casework.CaseHeadline;
import dev.loopkeeper.sharedkernel.ui.Times;
import dev.loopkeeper.sla.LoopDiagram;
import dev.loopkeeper.sla.LoopDiagram.Picture;
import dev.loopkeeper.sla.LoopDiagram.Station;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The deployed closed loop with the open cases waiting at each activity and the breaches each saw; a click
 * on an activity (or its row in the table, for keyboards) lists its cases. {@code ?case=ID} shows one
 * case's path instead.
 */
@Route("supervision/diagram")
@PageTitle("The loop on the diagram · Loopkeeper")
@Menu(title = "The loop on the diagram", order = 15, icon = "vaadin:sitemap")
@RolesAllowed({SUPERVISORS, ADMINS})
public class LoopDiagramView extends VerticalLayout implements BeforeEnterObserver {

    final ProcessDiagram diagram = new ProcessDiagram();
    final Grid<Station> stations = new Grid<>(Station.class, false);
    final Grid<CaseHeadline> cases = new Grid<>(CaseHeadline.class, false);
    final H2 title = new H2();
    final Paragraph caption = new Paragraph();
    final H3 casesTitle = new H3();
    private final LoopDiagram loop;
    private final ZoneId zone = Times.zone();
    private Map<String, String> names = Map.of();

    public LoopDiagramView(LoopDiagram loop) {
        this.loop = loop;
        setSizeFull();
        stations.addColumn(Station::name)
                .setKey("activity")
                .setHeader("Activity")
                .setFlexGrow(2);
        stations.addColumn(Station::waiting)
                .setKey("waiting")
                .setHeader("Open cases here")
                .setAutoWidth(true);
        stations.addColumn(Station::breaches)
                .setKey("breaches")
                .setHeader("Breaches, 30 days")
                .setAutoWidth(true);
        stations.addThemeVariants(GridVariant.LUMO_COMPACT);
        stations.setAllRowsVisible(true);
        stations.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(s -> listCasesAt(s.activityId())));
        diagram.addActivityClickListener(e -> listCasesAt(e.activityId()));

        cases.addColumn(new ComponentRenderer<>(
                        c -> new Anchor("cases/" + c.caseId(), c.customerName() == null ? "case" : c.customerName())))
                .setKey("customer")
                .setHeader("Customer")
                .setAutoWidth(true);
        cases.addColumn(c -> c.score() + " " + c.segment().key())
                .setKey("score")
                .setHeader("Score")
                .setAutoWidth(true);
        cases.addColumn(c -> Times.format(c.openedAt(), zone))
                .setKey("opened")
                .setHeader("Opened")
                .setAutoWidth(true);
        cases.addColumn(new ComponentRenderer<>(c -> {
                    Button path = new Button(
                            "Its path",
                            e -> getUI().ifPresent(ui -> ui.navigate(
                                    LoopDiagramView.class,
                                    QueryParameters.of("case", c.caseId().toString()))));
                    path.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    return path;
                }))
                .setKey("path")
                .setHeader("")
                .setAutoWidth(true);
        cases.setAllRowsVisible(true);
        cases.setVisible(false);
        casesTitle.setVisible(false);
        add(title, caption, diagram, stations, casesTitle, cases);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> caseId = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("case")
                .flatMap(this::uuid);
        if (caseId.isPresent()) {
            showPathOf(caseId.get());
        } else {
            showCounts();
        }
    }

    private void showCounts() {
        Picture picture = loop.latest();
        names = picture.names();
        title.setText("The loop on the diagram");
        caption.setText("Version " + picture.version() + " of the closed loop. Blue: open cases waiting at the "
                + "activity. Red: SLA breaches there in the last 30 days. Click an activity for its cases.");
        diagram.showCounts(picture.xml(), picture.waiting(), picture.breaches());
        stations.setItems(picture.stations());
        stations.setVisible(true);
        cases.setVisible(false);
        casesTitle.setVisible(false);
    }

    private void showPathOf(UUID caseId) {
        stations.setVisible(false);
        cases.setVisible(false);
        loop.pathOf(caseId)
                .ifPresentOrElse(
                        path -> {
                            title.setText("One case on the diagram");
                            caption.removeAll();
                            caption.setText("Green: what the case went through. Blue: where it is now (version "
                                    + path.version() + "). ");
                            caption.add(
                                    new Anchor("cases/" + caseId, "Open the case"),
                                    new Span(" · "),
                                    new Anchor("supervision/diagram", "All open cases"));
                            diagram.showPath(path.xml(), path.passed(), path.current());
                            casesTitle.setText(
                                    path.current().isEmpty()
                                            ? "The case has ended"
                                            : "Now at: "
                                                    + String.join(
                                                            ", ",
                                                            path.current().stream()
                                                                    .map(id -> path.names()
                                                                            .getOrDefault(id, id))
                                                                    .toList()));
                            casesTitle.setVisible(true);
                        },
                        () -> {
                            title.setText("No such case");
                            caption.setText("No closed-loop process has the case " + caseId + ".");
                        });
    }

    void listCasesAt(String activityId) {
        List<CaseHeadline> waiting = loop.casesAt(activityId);
        String name = names.getOrDefault(activityId, activityId);
        casesTitle.setText(
                waiting.isEmpty()
                        ? "No open case waits at " + name
                        : "Waiting at " + name + ": " + waiting.size()
                                + (waiting.size() == LoopDiagram.CASES_LISTED
                                        ? " (the oldest " + LoopDiagram.CASES_LISTED + ")"
                                        : ""));
        casesTitle.setVisible(true);
        cases.setItems(waiting);
        cases.setVisible(!waiting.isEmpty());
    }

    private Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
