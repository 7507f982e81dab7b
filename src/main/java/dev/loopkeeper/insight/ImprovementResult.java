package dev.loopkeeper.insight;

import java.time.Duration;

/**
 * What an action achieved. Lead time: from the theme's creation (when it was found) to the verified fix. NPS of the
 * theme's customers (those who raised it before the fix was released): from their responses in the window before
 * the release, and from those after it; each with how many responses it rests on.
 *
 * @param leadTime  null until verified, or for an action of no theme
 * @param npsBefore null without responses
 * @param npsAfter  null until released, or without responses since
 */
public record ImprovementResult(
        Duration leadTime, Double npsBefore, int responsesBefore, Double npsAfter, int responsesAfter) {}
