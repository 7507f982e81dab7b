package dev.loopkeeper.sla;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.sharedkernel.metrics.OnCommit;
import dev.loopkeeper.sla.domain.SlaBreach;
import dev.loopkeeper.sla.domain.SlaBreaches;
import dev.loopkeeper.sla.domain.SlaExtension;
import dev.loopkeeper.sla.domain.SlaExtensions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every SLA breach, recorded when its timer fires. */
@Service
@Transactional
public class BreachLog {

    private final SlaBreaches breaches;
    private final SlaExtensions extensions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    BreachLog(
            SlaBreaches breaches,
            SlaExtensions extensions,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters) {
        this.breaches = breaches;
        this.extensions = extensions;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    public BreachRecord record(
            UUID caseId,
            String processInstanceId,
            String activityId,
            Instant dueAt,
            String candidateGroup,
            String assignee,
            String segment,
            String customerName) {
        SlaBreach breach = breaches.save(new SlaBreach(
                caseId,
                processInstanceId,
                activityId,
                dueAt,
                clock.instant(),
                candidateGroup,
                assignee,
                segment,
                customerName));
        OnCommit.increment(Counter.builder("loopkeeper.sla.breaches")
                .description("SLA breaches recorded (a due contact or resolution the timer found open)")
                .tag("step", activityId)
                .register(meters));
        BreachRecord record = view(breach);
        events.publishEvent(new SlaBreached(
                record.breachId(),
                caseId,
                activityId,
                dueAt,
                record.breachedAt(),
                segment,
                ClosedLoop.REVIEW_ESCALATION.equals(activityId)));
        return record;
    }

    /** A supervisor reviewed the case's escalation: every open breach of the case counts as handled. */
    public void acknowledge(UUID caseId, String by, String decision, String reason) {
        Instant now = clock.instant();
        breaches.findByCaseId(caseId).stream()
                .filter(b -> !b.isAcknowledged())
                .forEach(b -> b.acknowledge(by, decision, reason, now));
    }

    /** A supervisor moved the due time; the reason is kept with the case. */
    public void recordExtension(UUID caseId, Instant previousDue, Instant newDue, String reason, String by) {
        extensions.save(new SlaExtension(caseId, previousDue, newDue, reason, by, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<ExtensionRecord> extensionsOf(UUID caseId) {
        return extensions.findByCaseIdOrderByExtendedAt(caseId).stream()
                .map(e -> new ExtensionRecord(
                        e.getCaseId(),
                        e.getPreviousDue(),
                        e.getNewDue(),
                        e.getReason(),
                        e.getExtendedBy(),
                        e.getExtendedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<BreachRecord> ofCase(UUID caseId) {
        return breaches.findByCaseId(caseId).stream().map(BreachLog::view).toList();
    }

    /** The latest breach of each of these cases that has one, in one query. */
    @Transactional(readOnly = true)
    public Map<UUID, BreachRecord> latestOf(Collection<UUID> caseIds) {
        Map<UUID, BreachRecord> latest = new HashMap<>();
        if (!caseIds.isEmpty()) {
            breaches.findByCaseIdIn(caseIds).stream()
                    .map(BreachLog::view)
                    .forEach(b -> latest.merge(
                            b.caseId(), b, (one, other) -> one.breachedAt().isAfter(other.breachedAt()) ? one : other));
        }
        return latest;
    }

    private static BreachRecord view(SlaBreach b) {
        return new BreachRecord(
                b.getId(),
                b.getCaseId(),
                b.getCustomerName(),
                b.getSegment(),
                b.getActivityId(),
                b.getDueAt(),
                b.getBreachedAt(),
                b.getCandidateGroup(),
                b.getAssigneeAtBreach(),
                b.getAcknowledgedBy(),
                b.getAcknowledgedAt(),
                b.getDecision(),
                b.getDecisionReason());
    }
}
