package dev.loopkeeper.insight;

import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What it takes to start an improvement action: what to fix, who owns it, by when; optionally the theme it fixes
 * (new responses of that theme then join it while it is open), what it is expected to bring, and the cases whose
 * customers are to hear of the fix (closed and unreachable ones too).
 */
public record NewImprovement(
        String title,
        String description,
        String rootCause,
        String owner,
        Instant deadline,
        UUID themeId,
        String expectedImpact,
        List<UUID> caseIds) {

    public NewImprovement {
        if (title == null || title.isBlank()) {
            throw new Refusal("An improvement action needs a title", Words.of("insight.refused.action-title"));
        }
        if (title.length() > 200) {
            throw new Refusal("Keep the title under 200 characters", Words.of("insight.refused.action-title-long"));
        }
        if (description != null && description.length() > 4000) {
            throw new Refusal(
                    "Keep the description under 4000 characters", Words.of("insight.refused.action-description-long"));
        }
        if (owner == null || owner.isBlank()) {
            throw new Refusal("An improvement action needs an owner", Words.of("insight.refused.action-owner"));
        }
        if (deadline == null) {
            throw new Refusal("An improvement action needs a deadline", Words.of("insight.refused.action-deadline"));
        }
        if (expectedImpact != null && expectedImpact.length() > 500) {
            throw new Refusal(
                    "Keep the expected impact under 500 characters", Words.of("insight.refused.action-impact-long"));
        }
        expectedImpact = expectedImpact == null || expectedImpact.isBlank() ? null : expectedImpact.strip();
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
    }

    /** An action of no particular theme, with no cases yet. */
    public NewImprovement(String title, String description, String rootCause, String owner, Instant deadline) {
        this(title, description, rootCause, owner, deadline, null, null, List.of());
    }
}
