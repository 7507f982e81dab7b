package dev.loopkeeper.sla;

import dev.loopkeeper.casework.TimelineContributor;
import dev.loopkeeper.casework.TimelineEntry;
import dev.loopkeeper.sharedkernel.Words;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Breaches, supervisors' decisions and extensions on a case's timeline. */
@Component
class SlaTimeline implements TimelineContributor {

    private final BreachLog breaches;

    SlaTimeline(BreachLog breaches) {
        this.breaches = breaches;
    }

    @Override
    public List<TimelineEntry> entriesFor(UUID caseId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (BreachRecord b : breaches.ofCase(caseId)) {
            entries.add(new TimelineEntry(
                            b.breachedAt(),
                            "breach",
                            "SLA breached (due " + Times.format(b.dueAt()) + ")",
                            b.assigneeAtBreach() == null
                                    ? "Nobody held the case; group " + b.candidateGroup()
                                    : "Held by " + b.assigneeAtBreach() + " of " + b.candidateGroup(),
                            null)
                    .saying(
                            Words.of("sla.timeline.breached", b.dueAt()),
                            b.assigneeAtBreach() == null
                                    ? Words.of("sla.timeline.nobody-held", b.candidateGroup())
                                    : Words.of("sla.timeline.held-by", b.assigneeAtBreach(), b.candidateGroup())));
            if (b.acknowledgedAt() != null) {
                entries.add(new TimelineEntry(
                                b.acknowledgedAt(),
                                "breach",
                                "Escalation reviewed: " + b.decision(),
                                b.decisionReason(),
                                b.acknowledgedBy())
                        .saying(Words.of("sla.timeline.reviewed", b.decision()), null));
            }
        }
        for (ExtensionRecord e : breaches.extensionsOf(caseId)) {
            entries.add(new TimelineEntry(
                            e.extendedAt(),
                            "extension",
                            "Due time moved to " + Times.format(e.newDue()),
                            e.reason(),
                            e.extendedBy())
                    .saying(Words.of("sla.timeline.extended", e.newDue()), null));
        }
        return entries;
    }
}
