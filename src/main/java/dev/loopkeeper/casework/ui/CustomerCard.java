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
import dev.loopkeeper.sharedkernel.ui.Times;
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
        setTitle(getTranslation("casework.customer.title"));
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
        String channel = c.preferredChannel() == null
                ? getTranslation("casework.customer-card.no-channel")
                : Labels.inSentence(c.preferredChannel());
        details.add(new Span(
                c.tier() == null || c.tier().isBlank()
                        ? getTranslation("casework.customer-card.prefers", channel, c.externalId())
                        : getTranslation("casework.customer-card.prefers-tier", channel, c.tier(), c.externalId())));
        add(details);
        if (responses.size() > 1) {
            add(new H3(getTranslation("casework.customer-card.scores")), new ScoreHistory(responses, zone));
        }
        if (!earlier.isEmpty()) {
            UnorderedList list = new UnorderedList();
            earlier.forEach(e -> list.add(new ListItem(new RouterLink(
                    getTranslation(
                            "casework.customer-card.earlier-case",
                            DAY.withLocale(Times.locale()).format(e.openedAt().atZone(zone)),
                            String.valueOf(e.score()),
                            Labels.of(e.segment()),
                            e.status() == CaseStatus.OPEN
                                    ? getTranslation("casework.customer-card.open")
                                    : Labels.closedAs(e.closedAs())),
                    CaseView.class,
                    new RouteParameters("caseId", e.caseId().toString())))));
            add(new H3(getTranslation("casework.customer-card.earlier")), list);
        }
    }
}
