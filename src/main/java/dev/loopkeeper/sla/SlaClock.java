package dev.loopkeeper.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Service;

/** Computes when a case is due from the time allowed by the follow-up policy. */
@Service
public class SlaClock {

    private final BusinessCalendar calendar;

    SlaClock(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * Calendar time: the clock never stops.
     *
     * @param within an ISO-8601 duration from the policy table, e.g. {@code PT24H} or {@code P7D}
     * @throws IllegalArgumentException if {@code within} is not a positive ISO-8601 duration
     */
    public Instant dueAfter(Instant start, String within) {
        return start.plus(parse(within));
    }

    /**
     * Calendar time as {@link #dueAfter(Instant, String)}, or business time in the region's {@link BusinessCalendar}.
     *
     * <p>Business time runs only while the region is at work, and reads {@code within} as whole days plus a rest:
     * <ol>
     *   <li>A case that arrives outside working time starts at the next opening.</li>
     *   <li>Each whole 24 hours is one working day: the same wall-clock time on the next working day. So
     *       {@code PT24H} and {@code P1D} both mean "by this time next working day", just as both mean "by this
     *       time tomorrow" in calendar time (a {@link Duration} cannot tell them apart anyway).</li>
     *   <li>The rest, under 24 hours, counts working hours; what does not fit before closing carries over to the
     *       next opening. Hours that end exactly at closing are due at closing.</li>
     * </ol>
     * With 09:00–17:00, Monday to Friday: Friday 17:30 + {@code PT24H} is Tuesday 09:00 (the clock starts on
     * Monday at 09:00 and runs one working day); Monday 15:00 + {@code PT4H} is Tuesday 11:00; Monday 10:00 +
     * {@code PT30H} is Tuesday 16:00; Thursday 24 December 10:00 + {@code P2D} in Spain is Tuesday 29 December
     * 10:00, Christmas Day being a holiday.
     *
     * @param within       an ISO-8601 duration from the policy table, e.g. {@code PT24H}, {@code P2D} or {@code PT4H}
     * @param businessTime whether to count business time rather than calendar time
     * @param region       whose business calendar counts; blank or unknown means the default region
     * @throws IllegalArgumentException if {@code within} is not a positive ISO-8601 duration
     */
    public Instant dueAfter(Instant start, String within, boolean businessTime, String region) {
        Duration allowed = parse(within);
        return businessTime ? calendar.plusWorkingTime(start, allowed, region) : start.plus(allowed);
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
