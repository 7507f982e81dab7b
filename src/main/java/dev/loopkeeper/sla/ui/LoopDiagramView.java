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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "The loop on the diagram", order = 15, icon = "vaadin:sitemap")
@RolesAllowed({SUPERVISORS, ADMINS})
public class LoopDiagramView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

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
                .setHeader(getTranslation("sla.column.activity"))
                .setFlexGrow(2);
        stations.addColumn(Station::waiting)
                .setKey("waiting")
                .setHeader(getTranslation("sla.column.waiting"))
                .setAutoWidth(true);
        stations.addColumn(Station::breaches)
                .setKey("breaches")
                .setHeader(getTranslation("sla.column.breaches-30"))
                .setAutoWidth(true);
        stations.addThemeVariants(GridVariant.LUMO_COMPACT);
        stations.setAllRowsVisible(true);
        stations.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(s -> listCasesAt(s.activityId())));
        diagram.addActivityClickListener(e -> listCasesAt(e.activityId()));

        cases.addColumn(new ComponentRenderer<>(c -> new Anchor(
                        "cases/" + c.caseId(),
                        c.customerName() == null ? getTranslation("sla.case") : c.customerName())))
                .setKey("customer")
                .setHeader(getTranslation("sla.column.customer"))
                .setAutoWidth(true);
        cases.addColumn(c -> getTranslation(
                        "sla.diagram.score",
                        c.score(),
                        getTranslation("sharedkernel.segment." + c.segment().key())))
                .setKey("score")
                .setHeader(getTranslation("sla.column.score"))
                .setAutoWidth(true);
        cases.addColumn(c -> Times.format(c.openedAt(), zone))
                .setKey("opened")
                .setHeader(getTranslation("sla.column.opened"))
                .setAutoWidth(true);
        cases.addColumn(new ComponentRenderer<>(c -> {
                    Button path = new Button(
                            getTranslation("sla.diagram.its-path"),
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
        title.setText(getTranslation("menu.supervision.diagram"));
        caption.setText(getTranslation("sla.diagram.caption", picture.version()));
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
                            title.setText(getTranslation("sla.diagram.one-case"));
                            caption.removeAll();
                            caption.setText(getTranslation("sla.diagram.path-caption", path.version()) + " ");
                            caption.add(
                                    new Anchor("cases/" + caseId, getTranslation("sla.diagram.open-case")),
                                    new Span(" · "),
                                    new Anchor("supervision/diagram", getTranslation("sla.diagram.all-open")));
                            diagram.showPath(path.xml(), path.passed(), path.current());
                            casesTitle.setText(
                                    path.current().isEmpty()
                                            ? getTranslation("sla.diagram.ended")
                                            : getTranslation(
                                                    "sla.diagram.now-at",
                                                    String.join(
                                                            ", ",
                                                            path.current().stream()
                                                                    .map(id -> path.names()
                                                                            .getOrDefault(id, id))
                                                                    .toList())));
                            casesTitle.setVisible(true);
                        },
                        () -> {
                            title.setText(getTranslation("sla.diagram.no-such-case"));
                            caption.setText(getTranslation("sla.diagram.no-process", caseId.toString()));
                        });
    }

    void listCasesAt(String activityId) {
        List<CaseHeadline> waiting = loop.casesAt(activityId);
        String name = names.getOrDefault(activityId, activityId);
        casesTitle.setText(
                waiting.isEmpty()
                        ? getTranslation("sla.diagram.none-waiting", name)
                        : waiting.size() == LoopDiagram.CASES_LISTED
                                ? getTranslation(
                                        "sla.diagram.waiting-oldest", name, waiting.size(), LoopDiagram.CASES_LISTED)
                                : getTranslation("sla.diagram.waiting", name, waiting.size()));
        casesTitle.setVisible(true);
        cases.setItems(waiting);
        cases.setVisible(!waiting.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.supervision.diagram") + " · Loopkeeper";
    }

    private Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
