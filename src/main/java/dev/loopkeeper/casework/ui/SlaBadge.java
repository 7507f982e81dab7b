package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
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
        Span there = new Span(Times.timeIn(due, customerZone) + " there");
        there.getStyle()
                .set("display", "block")
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-xxs)")
                .set("line-height", "var(--lumo-line-height-xs)");
        there.getElement().setAttribute("title", "The customer's local time when it is due");
        there.addClassName("customer-time");
        // below the countdown, not beside it: the column keeps the countdown's width in the lists
        Div both = new Div(badge, there);
        both.getStyle().set("line-height", "1");
        return both;
    }

    static Span of(Instant due, Instant now, ZoneId zone) {
        if (due == null) {
            return new Span("no SLA");
        }
        Urgency urgency = urgency(due, now, zone);
        Duration left = Duration.between(now, due);
        String text = urgency == Urgency.BREACHED ? humanized(left.negated()) + " late" : "in " + humanized(left);
        Span badge = new Span(text);
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (urgency) {
                            case BREACHED -> "error primary";
                            case DUE_TODAY -> "contrast";
                            case ON_TIME -> "success";
                        });
        String exact = "Due " + Times.format(due, zone);
        badge.getElement().setAttribute("title", exact);
        badge.getElement().setAttribute("aria-label", text + ", " + exact);
        return badge;
    }

    static String humanized(Duration d) {
        if (d.toDays() >= 2) {
            return d.toDays() + " days";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return Math.max(d.toMinutes(), 0) + " min";
    }
}
