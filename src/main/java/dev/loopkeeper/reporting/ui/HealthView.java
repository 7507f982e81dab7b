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
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "Health of the loop", order = 13, icon = "vaadin:heart-o")
@RolesAllowed({SUPERVISORS, ADMINS})
public class HealthView extends VerticalLayout implements HasDynamicTitle {

    public HealthView(LoopHealth health) {
        ZoneId zone = Times.zone();
        FlexLayout periods = new FlexLayout(period(health.today(zone)), period(health.thisWeek(zone)));
        periods.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        periods.getStyle().set("gap", "var(--lumo-space-l)");
        add(new H2(getTranslation("menu.supervision.health")), periods);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.supervision.health") + " · Loopkeeper";
    }

    private Component period(Snapshot s) {
        Card card = new Card();
        card.setTitle(
                switch (s.period()) {
                    case "Today" -> getTranslation("reporting.health.today");
                    case "This week" -> getTranslation("reporting.health.this-week");
                    default -> s.period();
                });
        card.getElement().setAttribute("data-period", s.period());
        Double within = s.cases().withinSlaPercent();
        card.add(
                figure(
                        getTranslation("reporting.health.opened"),
                        getTranslation("reporting.number", s.cases().opened())),
                figure(
                        getTranslation("reporting.health.within-sla"),
                        within == null ? "–" : getTranslation("reporting.percent", Math.round(within))),
                figure(getTranslation("reporting.health.breaches"), getTranslation("reporting.number", s.breaches())),
                figure(
                        getTranslation("reporting.health.unreachable"),
                        getTranslation("reporting.number", s.cases().unreachable())),
                figure(
                        getTranslation("reporting.health.closed"),
                        getTranslation("reporting.number", s.cases().closed())));
        for (Segment segment : Segment.values()) {
            Duration median = s.cases().medianTimeToContact().get(segment);
            card.add(figure(
                    switch (segment) {
                        case DETRACTOR -> getTranslation("reporting.health.median.detractors");
                        case PASSIVE -> getTranslation("reporting.health.median.passives");
                        case PROMOTER -> getTranslation("reporting.health.median.promoters");
                    },
                    median == null ? "–" : humanized(median)));
        }
        for (CaseMetrics.Touchpoint t : s.touchpoints()) {
            card.add(figure(
                    getTranslation(
                            "reporting.health.nps",
                            t.touchpoint().isEmpty()
                                    ? getTranslation("reporting.health.no-touchpoint")
                                    : t.touchpoint(),
                            t.cases()),
                    String.format("%+.0f", t.nps())));
        }
        for (CaseMetrics.Remedies r : s.remedies()) {
            card.add(figure(
                    getTranslation("reporting.health.remedies", r.type(), r.given()),
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

    /** A duration in days and hours, hours and minutes, or minutes, in the reader's words. */
    static String humanized(Duration d) {
        if (d.toDays() > 0) {
            return I18NProvider.translate("reporting.duration.days", d.toDays(), d.toHoursPart());
        }
        return d.toHours() > 0
                ? I18NProvider.translate("reporting.duration.hours", d.toHours(), d.toMinutesPart())
                : I18NProvider.translate("reporting.duration.minutes", d.toMinutes());
    }
}
