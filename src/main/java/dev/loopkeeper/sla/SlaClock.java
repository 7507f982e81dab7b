package dev.loopkeeper.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Service;

/** Computes when a case is due from the time allowed by the follow-up policy. */
@Service
public class SlaClock {

    /**
     * @param within an ISO-8601 duration from the policy table, e.g. {@code PT24H} or {@code P7D}
     */
    public Instant dueAfter(Instant start, String within) {
        return start.plus(parse(within));
    }

    static Duration parse(String within) {
        try {
            Duration duration = Duration.parse(within);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("An SLA must allow some time, not " + within);
            }
            return duration;
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("An SLA is an ISO-8601 duration like PT24H or P7D, not " + within, e);
        }
    }
}
