package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.loopkeeper.casework.ActionAtHand;
import dev.loopkeeper.casework.CaseStatus;
import dev.loopkeeper.sharedkernel.ui.ScoreBadge;
import dev.loopkeeper.sharedkernel.ui.Times;

/** What an improvement task is about: the action (root cause, owner, deadline, what to do) and who waits on it. */
class ActionAtHandCard extends VerticalLayout {

    ActionAtHandCard(ActionAtHand at) {
        setPadding(false);
        setSpacing(false);
        var action = at.action();
        Span facts = new Span(getTranslation(
                "casework.action.facts", action.rootCause(), action.owner(), Times.format(action.deadline())));
        facts.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(facts);
        if (action.description() != null && !action.description().isBlank()) {
            add(new CollapsedText(action.description(), 200));
        }
        String waiting = at.linkedCases() == 1
                ? getTranslation("casework.action.waits.one", at.linkedCases())
                : getTranslation("casework.action.waits.many", at.linkedCases());
        add(new Paragraph(
                at.cases().size() < at.linkedCases()
                        ? getTranslation(
                                "casework.action.waits-you-see",
                                waiting,
                                at.cases().size())
                        : getTranslation("casework.action.waits-all", waiting)));
        Div list = new Div();
        list.setId("linked-cases");
        for (ActionAtHand.LinkedCase linked : at.cases()) {
            RouterLink link = new RouterLink(
                    linked.customerName() == null ? linked.caseId().toString() : linked.customerName(),
                    CaseView.class,
                    new RouteParameters("caseId", linked.caseId().toString()));
            HorizontalLayout line = new HorizontalLayout(
                    new ScoreBadge(linked.score(), linked.segment()),
                    link,
                    new Span(
                            linked.status() == CaseStatus.OPEN
                                    ? getTranslation("casework.action.waiting")
                                    : getTranslation("casework.action.closed")));
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            list.add(line);
        }
        add(list);
    }
}
