package dev.loopkeeper.outreach.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlertView;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;

/** The alerts for me and my groups that nobody has read yet: new cases, breaches, praise, late fixes. */
@Route("alerts")
@Menu(title = "Alerts", order = 2, icon = "vaadin:bell-o")
@PermitAll
public class AlertsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<StaffAlertView> grid = new Grid<>(StaffAlertView.class, false);
    private final Outreach outreach;
    private final Actor actor;

    public AlertsView(Outreach outreach, CurrentUser currentUser) {
        this.outreach = outreach;
        this.actor = currentUser.require();
        setSizeFull();
        ZoneId zone = Times.zone();
        grid.addColumn(a -> Times.format(a.createdAt(), zone))
                .setKey("at")
                .setHeader(getTranslation("outreach.alerts.when"))
                .setAutoWidth(true);
        grid.addColumn(StaffAlertView::kind)
                .setKey("kind")
                .setHeader(getTranslation("outreach.alerts.kind"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(a -> {
                    Div text = new Div(
                            a.caseId() == null ? new Div(a.subject()) : new Anchor("cases/" + a.caseId(), a.subject()));
                    if (a.body() != null) {
                        Div body = new Div(a.body());
                        body.getStyle().set("color", "var(--lumo-secondary-text-color)");
                        text.add(body);
                    }
                    return text;
                }))
                .setKey("alert")
                .setHeader(getTranslation("outreach.alerts.alert"))
                .setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(a -> {
                    Button read = new Button(getTranslation("outreach.alerts.mark-read"), e -> {
                        outreach.markRead(a.id(), actor);
                        refresh();
                    });
                    read.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    return read;
                }))
                .setKey("read")
                .setHeader("")
                .setAutoWidth(true);
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("outreach.alerts.none"));
        add(new H2(getTranslation("outreach.alerts.title")), grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outreach.alerts.title") + " · Loopkeeper";
    }

    private void refresh() {
        grid.setItems(outreach.unreadAlertsFor(actor));
    }
}
