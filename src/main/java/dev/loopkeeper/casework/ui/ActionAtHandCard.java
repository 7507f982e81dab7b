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
import dev.loopkeeper.sharedkernel.ui.Counted;
import dev.loopkeeper.sharedkernel.ui.ScoreBadge;
import dev.loopkeeper.sharedkernel.ui.Times;

/** What an improvement task is about: the action (root cause, owner, deadline, what to do) and who waits on it. */
class ActionAtHandCard extends VerticalLayout {

    ActionAtHandCard(ActionAtHand at) {
        setPadding(false);
        setSpacing(false);
        var action = at.action();
        Span facts = new Span("Root cause " + action.rootCause() + " · owner " + action.owner() + " · due "
                + Times.format(action.deadline()));
        facts.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(facts);
        if (action.description() != null && !action.description().isBlank()) {
            add(new CollapsedText(action.description(), 200));
        }
        add(new Paragraph(Counted.of(at.linkedCases(), "customer waits", "customers wait")
                + " on it"
                + (at.cases().size() < at.linkedCases()
                        ? " (you see " + at.cases().size() + ")"
                        : "")
                + ":"));
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
                    new Span(linked.status() == CaseStatus.OPEN ? "waiting" : "closed"));
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            list.add(line);
        }
        add(list);
    }
}
