package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.html.Div;
import dev.loopkeeper.intake.PastResponse;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * A customer's scores over time as a small SVG chart: one dot per response on a 0–10 scale, with the
 * detractor and promoter bands shaded, so a trend shows at a glance. No chart library needed.
 */
class ScoreHistory extends Div {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 110;
    private static final int PAD = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    ScoreHistory(List<PastResponse> responses, ZoneId zone) {
        getElement().setAttribute("role", "img");
        StringBuilder description = new StringBuilder(getTranslation("casework.scores.description")).append(' ');
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='" + WIDTH + "' height='"
                + HEIGHT + "' viewBox='0 0 " + WIDTH + " " + HEIGHT + "'>");
        // bands: promoters 9-10 green, detractors 0-6 red
        svg.append(band(9, 10, "#e6f4ea")).append(band(0, 6, "#fce8e6"));
        String points = "";
        for (int i = 0; i < responses.size(); i++) {
            PastResponse r = responses.get(i);
            double x = responses.size() == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (responses.size() - 1);
            double y = y(r.score());
            points += x + "," + y + " ";
            String day = DAY.withLocale(Times.locale()).format(r.respondedAt().atZone(zone));
            String colour = r.score() <= 6 ? "#d93025" : r.score() <= 8 ? "#5f6368" : "#188038";
            svg.append("<circle cx='")
                    .append(x)
                    .append("' cy='")
                    .append(y)
                    .append("' r='4' fill='")
                    .append(colour)
                    .append("'><title>")
                    .append(getTranslation("casework.scores.point", String.valueOf(r.score()), day))
                    .append("</title></circle>");
            description
                    .append(getTranslation("casework.scores.point", String.valueOf(r.score()), day))
                    .append(i < responses.size() - 1 ? ", " : ".");
        }
        if (responses.size() > 1) {
            svg.insert(
                    svg.indexOf("<circle"),
                    "<polyline points='" + points.strip() + "' fill='none' stroke='#9aa0a6' stroke-width='1.5'/>");
        }
        svg.append("<text x='2' y='")
                .append(y(10) + 4)
                .append("' font-size='9' fill='#5f6368'>10</text>")
                .append("<text x='2' y='")
                .append(y(0))
                .append("' font-size='9' fill='#5f6368'>0</text></svg>");
        getElement().setAttribute("aria-label", description.toString());
        getElement().setProperty("innerHTML", svg.toString());
    }

    private static double y(int score) {
        return HEIGHT - PAD - score * (HEIGHT - 2.0 * PAD) / 10;
    }

    private static String band(int from, int to, String colour) {
        double top = y(to) - 4;
        double bottom = y(from) + 4;
        return "<rect x='0' y='" + top + "' width='" + WIDTH + "' height='" + (bottom - top) + "' fill='" + colour
                + "'/>";
    }
}
