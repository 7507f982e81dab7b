package dev.loopkeeper.outreach;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

/**
 * What one user chose about their alerts: per event how its emails reach them, how often their digest comes (at
 * {@link #DIGEST_TIME} in their zone), and their quiet hours, when an email that would go at once waits for them
 * to end.
 *
 * @param choices per event ({@link AlertEvent#CASE_OPENED}…); an event not named goes as the policy says
 */
public record AlertPreference(
        String userId, Every digestEvery, LocalTime quietFrom, LocalTime quietUntil, Map<String, Choice> choices) {

    public static final LocalTime DIGEST_TIME = LocalTime.of(8, 0);

    public enum Every {
        DAILY,
        WEEKLY
    }

    /** How an event's email alerts reach the user. In-app alerts go to the group or user the policy names, always. */
    public enum Choice {
        POLICY("As the policy says"),
        IMMEDIATE("Email at once"),
        DIGEST("In my digest"),
        IN_APP_ONLY("In the app only");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public AlertPreference {
        if ((quietFrom == null) != (quietUntil == null)) {
            throw new IllegalArgumentException("Quiet hours need a start and an end, or neither");
        }
        if (quietFrom != null && quietFrom.equals(quietUntil)) {
            throw new IllegalArgumentException("Quiet hours that start when they end are no quiet hours");
        }
        digestEvery = digestEvery == null ? Every.DAILY : digestEvery;
        choices = choices == null ? Map.of() : Map.copyOf(choices);
    }

    /** A daily digest, no quiet hours, every event as the policy says: what a user has who chose nothing. */
    public static AlertPreference defaults(String userId) {
        return new AlertPreference(userId, Every.DAILY, null, null, Map.of());
    }

    public Choice choiceFor(String event) {
        return choices.getOrDefault(event, Choice.POLICY);
    }

    public boolean hasQuietHours() {
        return quietFrom != null;
    }

    /** Is it quiet hours at this moment in the zone? Quiet hours may run over midnight (22:00–07:00). */
    public boolean isQuietAt(Instant at, ZoneId zone) {
        if (!hasQuietHours()) {
            return false;
        }
        LocalTime time = at.atZone(zone).toLocalTime();
        return quietFrom.isBefore(quietUntil)
                ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }

    /** When the quiet hours that hold at this moment end. */
    public Instant quietEndsAfter(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.with(quietUntil);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    /** The latest moment at or before {@code now} the user's digest was due: 08:00 in their zone (weekly: Monday's). */
    public Instant lastDigestDue(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime due = local.with(DIGEST_TIME);
        if (digestEvery == Every.WEEKLY) {
            due = due.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        if (due.isAfter(local)) {
            due = due.minusDays(digestEvery == Every.WEEKLY ? 7 : 1);
        }
        return due.toInstant();
    }
}
