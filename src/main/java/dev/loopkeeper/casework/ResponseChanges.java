package dev.loopkeeper.casework;

import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.intake.CustomerHistory;
import dev.loopkeeper.intake.FeedbackRevised;
import dev.loopkeeper.intake.ResponseRevision;
import dev.loopkeeper.sharedkernel.Words;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A response that its survey tool changed after the case opened: the case shows the new comment, and its timeline
 * says what changed. The case keeps its loop; a changed score does not move it to another path.
 */
@Component
class ResponseChanges implements TimelineContributor {

    private final CaseProgress progress;
    private final CustomerHistory history;

    ResponseChanges(CaseProgress progress, CustomerHistory history) {
        this.progress = progress;
        this.history = history;
    }

    @EventListener
    void on(FeedbackRevised revised) {
        progress.commentRevised(revised.responseId(), revised.commentAfter());
    }

    @Override
    public List<TimelineEntry> entriesFor(UUID caseId) {
        return history.revisionsOf(caseId).stream().map(ResponseChanges::entry).toList();
    }

    private static TimelineEntry entry(ResponseRevision r) {
        String title = r.scoreBefore() == r.scoreAfter()
                ? "The customer changed their comment"
                : "The customer changed their score from " + r.scoreBefore() + " to " + r.scoreAfter();
        Words words = r.scoreBefore() == r.scoreAfter()
                ? Words.of("casework.timeline.comment-changed")
                : Words.of("casework.timeline.score-changed", r.scoreBefore(), r.scoreAfter());
        return new TimelineEntry(r.revisedAt(), "response", title, r.commentAfter(), null).saying(words, null);
    }
}
