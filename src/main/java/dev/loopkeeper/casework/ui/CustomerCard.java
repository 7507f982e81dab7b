package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.loopkeeper.casework.CaseFile;
import dev.loopkeeper.casework.CaseStatus;
import dev.loopkeeper.intake.PastResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** Who the customer is and how to reach them, their scores over time and their earlier cases. */
class CustomerCard extends Card {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    /**
     * @param responses the customer's responses the agent may see, this one included
     * @param earlier   the customer's other cases the agent may see
     */
    CustomerCard(CaseFile.Customer c, List<PastResponse> responses, List<CaseFile.Earlier> earlier, ZoneId zone) {
        setTitle("Customer");
        setWidthFull();
        VerticalLayout details = new VerticalLayout();
        details.setPadding(false);
        details.setSpacing(false);
        if (c.phone() != null) {
            details.add(new Anchor("tel:" + c.phone().replace(" ", ""), "☎ " + c.phone()));
        }
        if (c.email() != null) {
            details.add(new Anchor("mailto:" + c.email(), "✉ " + c.email()));
        }
        details.add(new Span("Prefers "
                + (c.preferredChannel() == null
                        ? "no particular channel"
                        : c.preferredChannel().key())
                + (c.tier() == null || c.tier().isBlank() ? "" : " · tier " + c.tier())
                + " · id " + c.externalId()));
        add(details);
        if (responses.size() > 1) {
            add(new H3("Scores over time"), new ScoreHistory(responses, zone));
        }
        if (!earlier.isEmpty()) {
            UnorderedList list = new UnorderedList();
            earlier.forEach(e -> list.add(new ListItem(new RouterLink(
                    DAY.format(e.openedAt().atZone(zone)) + ": "
                            + e.score() + " (" + e.segment().key() + "), "
                            + (e.status() == CaseStatus.OPEN
                                    ? "open"
                                    : e.closedAs().key()),
                    CaseView.class,
                    new RouteParameters("caseId", e.caseId().toString())))));
            add(new H3("Earlier cases"), list);
        }
    }
}
