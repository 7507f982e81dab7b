package dev.loopkeeper.insight;

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
            throw new IllegalArgumentException("An improvement action needs a title");
        }
        if (title.length() > 200) {
            throw new IllegalArgumentException("Keep the title under 200 characters");
        }
        if (description != null && description.length() > 4000) {
            throw new IllegalArgumentException("Keep the description under 4000 characters");
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("An improvement action needs an owner");
        }
        if (deadline == null) {
            throw new IllegalArgumentException("An improvement action needs a deadline");
        }
        if (expectedImpact != null && expectedImpact.length() > 500) {
            throw new IllegalArgumentException("Keep the expected impact under 500 characters");
        }
        expectedImpact = expectedImpact == null || expectedImpact.isBlank() ? null : expectedImpact.strip();
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
    }

    /** An action of no particular theme, with no cases yet. */
    public NewImprovement(String title, String description, String rootCause, String owner, Instant deadline) {
        this(title, description, rootCause, owner, deadline, null, null, List.of());
    }
}
