package dev.loopkeeper.sla;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.sla.warning.*}: when the assignee (and the group) hear that a step's SLA is running out.
 *
 * @param atPercent how much of the time from the clock's start to the due time has passed at the warning
 */
@ConfigurationProperties("loopkeeper.sla.warning")
public record SlaWarning(@DefaultValue("80") int atPercent) {

    public SlaWarning {
        if (atPercent < 1 || atPercent > 99) {
            throw new IllegalArgumentException("loopkeeper.sla.warning.at-percent is 1 to 99, not " + atPercent);
        }
    }

    /** The moment {@link #atPercent} of the calendar time from {@code start} to {@code due} has passed. */
    public Instant warnAt(Instant start, Instant due) {
        if (!due.isAfter(start)) {
            return due;
        }
        Duration allowed = Duration.between(start, due);
        return start.plus(allowed.multipliedBy(atPercent).dividedBy(100));
    }
}
