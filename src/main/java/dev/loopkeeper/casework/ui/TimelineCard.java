package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.loopkeeper.casework.TimelineEntry;
import dev.loopkeeper.sharedkernel.ui.Times;
import dev.loopkeeper.sharedkernel.ui.Translations;
import java.time.ZoneId;
import java.util.List;

/** The loop so far: everything that happened to the case, oldest first, each entry marked with its kind. */
class TimelineCard extends Card {

    TimelineCard(List<TimelineEntry> entries, ZoneId zone) {
        setTitle(getTranslation("casework.timeline.title"));
        setWidthFull();
        UnorderedList list = new UnorderedList();
        list.getStyle().set("padding-left", "var(--lumo-space-m)").set("margin", "0");
        for (TimelineEntry entry : entries) {
            ListItem item = new ListItem();
            Span when = new Span(entry.at() == null ? "" : Times.format(entry.at(), zone) + " ");
            when.getStyle().set("color", "var(--lumo-secondary-text-color)");
            String title = entry.titleWords() == null ? entry.title() : Translations.say(entry.titleWords());
            Span what = new Span(title + (entry.who() == null ? "" : " — " + entry.who()));
            what.getStyle().set("font-weight", "500");
            item.add(when, what);
            item.getElement().setAttribute("data-kind", entry.kind());
            if (entry.detail() != null && !entry.detail().isBlank()) {
                Div detail =
                        new Div(entry.detailWords() == null ? entry.detail() : Translations.say(entry.detailWords()));
                detail.getStyle().set("white-space", "pre-line").set("color", "var(--lumo-secondary-text-color)");
                item.add(detail);
            }
            list.add(item);
        }
        add(list);
    }
}
