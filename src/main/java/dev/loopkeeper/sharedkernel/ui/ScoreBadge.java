package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.html.Span;
import dev.loopkeeper.sharedkernel.Segment;

/** An NPS score as a pill coloured by its segment (red, grey, green), named for screen readers. Empty without one. */
public class ScoreBadge extends Span {

    public ScoreBadge(Integer score, Segment segment) {
        if (score == null || segment == null) {
            return;
        }
        setText(String.valueOf(score));
        getElement()
                .getThemeList()
                .add("badge pill "
                        + switch (segment) {
                            case DETRACTOR -> "error";
                            case PASSIVE -> "contrast";
                            case PROMOTER -> "success";
                        });
        getElement().setAttribute("title", getTranslation("sharedkernel.segment." + segment.key()));
        getElement()
                .setAttribute(
                        "aria-label",
                        getTranslation(
                                "sharedkernel.score-label",
                                score,
                                getTranslation("sharedkernel.segment." + segment.key())));
    }
}
