package dev.loopkeeper.insight;

import java.time.Instant;

/** What it takes to start an improvement action: what to fix, who owns it, by when. */
public record NewImprovement(String title, String description, String rootCause, String owner, Instant deadline) {

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
    }
}
