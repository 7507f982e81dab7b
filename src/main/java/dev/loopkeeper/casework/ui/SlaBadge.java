package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.I18NProvider;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The SLA countdown: how long is left (or how late it is), coloured by urgency — on time, due today,
 * breached — with the exact due time in the tooltip and for screen readers.
 */
final class SlaBadge {

    enum Urgency {
        ON_TIME,
        DUE_TODAY,
        BREACHED
    }

    private SlaBadge() {}

    static Urgency urgency(Instant due, Instant now, ZoneId zone) {
        if (due.isBefore(now)) {
            return Urgency.BREACHED;
        }
        return LocalDate.ofInstant(due, zone).equals(LocalDate.ofInstant(now, zone))
                ? Urgency.DUE_TODAY
                : Urgency.ON_TIME;
    }

    /**
     * The countdown, and beside it the customer's own time at the due moment where their region keeps another clock
     * than the user's (an agent in Madrid calling Singapore).
     */
    static Component of(Instant due, Instant now, ZoneId zone, ZoneId customerZone) {
        Span badge = of(due, now, zone);
        if (due == null
                || customerZone == null
                || customerZone.getRules().getOffset(due).equals(zone.getRules().getOffset(due))) {
            return badge;
        }
        Span there = new Span(I18NProvider.translate("casework.sla.there", Times.timeIn(due, customerZone)));
        there.getStyle()
                .set("display", "block")
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-xxs)")
                .set("line-height", "var(--lumo-line-height-xs)");
        there.getElement().setAttribute("title", I18NProvider.translate("casework.sla.there-title"));
        there.addClassName("customer-time");
        // below the countdown, not beside it: the column keeps the countdown's width in the lists
        Div both = new Div(badge, there);
        both.getStyle().set("line-height", "1");
        return both;
    }

    static Span of(Instant due, Instant now, ZoneId zone) {
        if (due == null) {
            return new Span(I18NProvider.translate("casework.sla.none"));
        }
        Urgency urgency = urgency(due, now, zone);
        Duration left = Duration.between(now, due);
        String text = urgency == Urgency.BREACHED
                ? I18NProvider.translate("casework.sla.late", humanized(left.negated()))
                : I18NProvider.translate("casework.sla.in", humanized(left));
        Span badge = new Span(text);
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (urgency) {
                            case BREACHED -> "error primary";
                            case DUE_TODAY -> "contrast";
                            case ON_TIME -> "success";
                        });
        String exact = I18NProvider.translate("casework.sla.due", Times.format(due, zone));
        badge.getElement().setAttribute("title", exact);
        badge.getElement().setAttribute("aria-label", text + ", " + exact);
        return badge;
    }

    static String humanized(Duration d) {
        if (d.toDays() >= 2) {
            return I18NProvider.translate("casework.sla.days", d.toDays());
        }
        if (d.toHours() >= 1) {
            return I18NProvider.translate("casework.sla.hours", d.toHours(), d.toMinutesPart());
        }
        return I18NProvider.translate("casework.sla.minutes", Math.max(d.toMinutes(), 0));
    }
}
