package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.loopkeeper.casework.CaseFile;
import dev.loopkeeper.insight.Themes;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/** What the customer answered: the comment with its themes marked, and when, how and about what. */
class ResponseCard extends Card {

    ResponseCard(CaseFile file, List<Themes.Span> comment, ZoneId zone) {
        setTitle(getTranslation("casework.response.title"));
        setWidthFull();
        Paragraph text = new Paragraph();
        for (Themes.Span span : comment) {
            Span part = new Span(span.text());
            if (span.theme() != null) {
                part.getElement().setAttribute("title", getTranslation("casework.response.theme", span.theme()));
                part.getElement().setAttribute("data-theme", span.theme());
                part.getStyle()
                        .set("background", "var(--lumo-warning-color-10pct, #fff3cd)")
                        .set("border-bottom", "2px solid var(--lumo-warning-color, #f0ad4e)");
            }
            text.add(part);
        }
        if (file.comment() == null || file.comment().isBlank()) {
            text.setText(getTranslation("casework.response.no-comment"));
        }
        String answered = file.respondedAt() == null ? "" : Times.format(file.respondedAt(), zone);
        add(
                text,
                new Paragraph(getTranslation("casework.response.answered", answered, file.source())
                        + place(file.location(), file.product(), file.region())));
    }

    private static String place(String location, String product, String region) {
        List<String> parts = Stream.of(location, product, region)
                .filter(p -> p != null && !p.isBlank())
                .toList();
        return parts.isEmpty() ? "" : " · " + String.join(" · ", parts);
    }
}
