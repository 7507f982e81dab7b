package dev.loopkeeper.reporting;

import dev.loopkeeper.casework.CaseMetrics;
import dev.loopkeeper.sla.BreachFilter;
import dev.loopkeeper.sla.BreachReport;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.stereotype.Service;

/** Whether the loop closes, today and this week, in the supervisor's time zone. */
@Service
public class LoopHealth {

    /**
     * The loop over one period, how many SLAs broke in it, the cases by touchpoint and the remedies given.
     */
    public record Snapshot(
            String period,
            Instant from,
            Instant to,
            CaseMetrics.Period cases,
            long breaches,
            List<CaseMetrics.Touchpoint> touchpoints,
            List<CaseMetrics.Remedies> remedies) {}

    private final CaseMetrics metrics;
    private final BreachReport breaches;
    private final Clock clock;

    LoopHealth(CaseMetrics metrics, BreachReport breaches, Clock clock) {
        this.metrics = metrics;
        this.breaches = breaches;
        this.clock = clock;
    }

    public Snapshot today(ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return snapshot(
                "Today",
                today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public Snapshot thisWeek(ZoneId zone) {
        LocalDate monday =
                LocalDate.ofInstant(clock.instant(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return snapshot(
                "This week",
                monday.atStartOfDay(zone).toInstant(),
                monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    private Snapshot snapshot(String period, Instant from, Instant to) {
        return new Snapshot(
                period,
                from,
                to,
                metrics.between(from, to),
                breaches.count(new BreachFilter(from, to, null, null)),
                metrics.byTouchpoint(from, to),
                metrics.remedies(from, to));
    }
}
