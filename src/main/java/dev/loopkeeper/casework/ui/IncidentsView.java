package dev.loopkeeper.casework.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.casework.Incidents;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;

/** What is broken: failed sends and other incidents, the case each one holds up, and a retry. */
@Route("supervision/incidents")
@Menu(title = "Incidents", order = 14, icon = "vaadin:warning")
@RolesAllowed({SUPERVISORS, ADMINS})
public class IncidentsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Incidents.Open> grid = new Grid<>(Incidents.Open.class, false);
    private final Incidents incidents;
    private final Actor actor;

    public IncidentsView(Incidents incidents, CurrentUser currentUser) {
        this.incidents = incidents;
        this.actor = currentUser.require();
        setSizeFull();
        ZoneId zone = Times.zone();
        grid.addColumn(i -> Times.format(i.at(), zone))
                .setKey("at")
                .setHeader(getTranslation("casework.incidents.since"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(i -> i.caseId() == null
                        ? new Span(i.processKey() + " " + i.businessKey())
                        : new Anchor("cases/" + i.caseId(), getTranslation("casework.incidents.case-link"))))
                .setKey("case")
                .setHeader(getTranslation("casework.incidents.case"))
                .setAutoWidth(true);
        grid.addColumn(Incidents.Open::activityId)
                .setKey("step")
                .setHeader(getTranslation("casework.incidents.step"))
                .setAutoWidth(true);
        grid.addColumn(Incidents.Open::message)
                .setKey("error")
                .setHeader(getTranslation("casework.incidents.error"))
                .setFlexGrow(3)
                .setTooltipGenerator(Incidents.Open::message);
        grid.addColumn(new ComponentRenderer<>(i -> {
                    Button retry = new Button(getTranslation("casework.incidents.retry"), e -> retry(i));
                    retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                    retry.setEnabled(i.jobId() != null);
                    return retry;
                }))
                .setKey("retry")
                .setHeader("")
                .setAutoWidth(true)
                .setFrozenToEnd(true);
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("casework.incidents.none"));
        add(
                new HorizontalLayout(
                        new H2(getTranslation("casework.incidents.title")),
                        new Anchor(
                                "/camunda/app/cockpit/default/#/dashboard",
                                getTranslation("casework.incidents.cockpit"))),
                grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("casework.incidents.title") + " · Loopkeeper";
    }

    private void retry(Incidents.Open incident) {
        try {
            incidents.retry(incident.incidentId(), actor);
            Notices.success(getTranslation("casework.incidents.retrying", incident.activityId()));
        } catch (IllegalArgumentException e) {
            Notices.refused(e);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(incidents.open());
    }
}
