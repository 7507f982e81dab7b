package dev.loopkeeper.sla;

import dev.loopkeeper.sla.domain.SlaBreach;
import dev.loopkeeper.sla.domain.SlaBreaches;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every SLA breach, recorded when its timer fires. */
@Service
@Transactional
public class BreachLog {

    private final SlaBreaches breaches;
    private final Clock clock;

    BreachLog(SlaBreaches breaches, Clock clock) {
        this.breaches = breaches;
        this.clock = clock;
    }

    public BreachRecord record(UUID caseId, String processInstanceId, String activityId, Instant dueAt,
                               String candidateGroup, String assignee) {
        SlaBreach breach = breaches.save(new SlaBreach(caseId, processInstanceId, activityId, dueAt, clock.instant(),
                candidateGroup, assignee));
        return view(breach);
    }

    /** A supervisor reviewed the case's escalation: every open breach of the case counts as handled. */
    public void acknowledge(UUID caseId, String by) {
        Instant now = clock.instant();
        breaches.findByCaseId(caseId).stream().filter(b -> !b.isAcknowledged()).forEach(b -> b.acknowledge(by, now));
    }

    @Transactional(readOnly = true)
    public List<BreachRecord> ofCase(UUID caseId) {
        return breaches.findByCaseId(caseId).stream().map(BreachLog::view).toList();
    }

    private static BreachRecord view(SlaBreach b) {
        return new BreachRecord(b.getCaseId(), b.getActivityId(), b.getDueAt(), b.getBreachedAt(),
                b.getCandidateGroup(), b.getAssigneeAtBreach(), b.getAcknowledgedBy(), b.getAcknowledgedAt());
    }
}
