package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A case as the API and the case screen show it. */
public record CaseSummary(
        UUID caseId,
        CaseStatus status,
        Segment segment,
        int score,
        String customerExternalId,
        String customerName,
        Instant openedAt,
        Instant firstContactAt,
        Instant closedAt,
        ContactOutcome lastContactOutcome,
        CaseOutcome closedAs,
        List<OpenTaskView> openTasks) {

    /** A task of the case that someone still has to do. */
    public record OpenTaskView(
            String taskId, String taskKey, String name, String candidateGroup, String assignee, Instant dueAt) {}

    /** The earliest due time among the open tasks: when the case next needs someone. */
    public Instant dueAt() {
        return openTasks.stream()
                .map(OpenTaskView::dueAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Who holds the case's open task of this key (its assignee), if anyone does. */
    public Optional<String> holderOf(String taskKey) {
        return openTasks.stream()
                .filter(task -> taskKey.equals(task.taskKey()))
                .map(OpenTaskView::assignee)
                .filter(Objects::nonNull)
                .findFirst();
    }
}
