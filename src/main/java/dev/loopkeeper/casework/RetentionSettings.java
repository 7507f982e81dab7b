package dev.loopkeeper.casework;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.retention.*}: how long the engine keeps the history of a closed case's process. Our own case
 * rows (scores, segments, outcomes, dates: what reports count) are not the engine's history and stay.
 *
 * @param closedCaseHistory the closed-loop process's history time-to-live, whatever its model says: the engine's
 *                          history of a case is removed this long after its process ended
 * @param cleanupFrom       the daily window in which the engine's history cleanup runs (HH:mm, the server's zone)
 * @param cleanupUntil      its end
 */
@ConfigurationProperties("loopkeeper.retention")
public record RetentionSettings(
        @DefaultValue("P180D") Period closedCaseHistory,
        @DefaultValue("01:00") String cleanupFrom,
        @DefaultValue("05:00") String cleanupUntil) {

    public int closedCaseHistoryDays() {
        return closedCaseHistory.getYears() * 365 + closedCaseHistory.getMonths() * 30 + closedCaseHistory.getDays();
    }
}
