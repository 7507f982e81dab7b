package dev.loopkeeper.casework;

import java.time.Instant;

/**
 * One thing that happened to a case, for its timeline.
 *
 * @param kind what sort of thing, for an icon: response, alert, attempt, email, sms, breach, extension,
 *             comment, resolution, closed
 */
public record TimelineEntry(Instant at, String kind, String title, String detail, String who) {}
