package dev.loopkeeper.reporting.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.casework.CaseMetrics;
import dev.loopkeeper.reporting.LoopHealth;
import dev.loopkeeper.reporting.LoopHealth.Snapshot;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.ZoneId;

/** Whether the loop closes, today and this week, at a glance. */
@Route("supervision/health")
@PageTitle("Health of the loop · Loopkeeper")
@Menu(title = "Health of the loop", order = 13, icon = "vaadin:heart-o")
@RolesAllowed({SUPERVISORS, ADMINS})
public class HealthView extends VerticalLayout {

    public HealthView(LoopHealth health) {
        ZoneId zone = Times.zone();
        FlexLayout periods = new FlexLayout(period(health.today(zone)), period(health.thisWeek(zone)));
        periods.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        periods.getStyle().set("gap", "var(--lumo-space-l)");
        add(new H2("Health of the loop"), periods);
    }

    private static Component period(Snapshot s) {
        Card card = new Card();
        card.setTitle(s.period());
        card.getElement().setAttribute("data-period", s.period());
        Double within = s.cases().withinSlaPercent();
        card.add(
                figure("Cases opened", String.valueOf(s.cases().opened())),
                figure("First contact within SLA", within == null ? "–" : String.format("%.0f %%", within)),
                figure("SLA breaches", String.valueOf(s.breaches())),
                figure("Unreachable", String.valueOf(s.cases().unreachable())),
                figure("Closed", String.valueOf(s.cases().closed())));
        for (Segment segment : Segment.values()) {
            Duration median = s.cases().medianTimeToContact().get(segment);
            card.add(figure(
                    "Median time to first contact, " + segment.key() + "s", median == null ? "–" : humanized(median)));
        }
        for (CaseMetrics.Touchpoint t : s.touchpoints()) {
            card.add(figure(
                    "NPS, " + (t.touchpoint().isEmpty() ? "no touchpoint" : t.touchpoint()) + " (" + t.cases()
                            + " cases)",
                    String.format("%+.0f", t.nps())));
        }
        for (CaseMetrics.Remedies r : s.remedies()) {
            card.add(figure(
                    "Remedies given, " + r.type() + " (" + r.given() + ")",
                    r.total().toPlainString()));
        }
        return card;
    }

    private static Component figure(String label, String value) {
        Span number = new Span(value);
        number.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div figure = new Div(number, new Div(caption));
        figure.getStyle().set("margin-bottom", "var(--lumo-space-s)");
        figure.getElement().setAttribute("aria-label", label + ": " + value);
        return figure;
    }

    static String humanized(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }
}
