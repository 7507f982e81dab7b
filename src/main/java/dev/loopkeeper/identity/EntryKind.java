package dev.loopkeeper.identity;

import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;

/** What customers can praise by name: a person, a place, a team, a way of doing things. */
public enum EntryKind {
    EMPLOYEE("Employee"),
    LOCATION("Location"),
    TEAM("Team"),
    PROCESS("Process");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase();
    }

    /** A kind by its key or label, any case ({@code employee}, {@code Team}). */
    public static EntryKind of(String text) {
        for (EntryKind kind : values()) {
            if (kind.key().equalsIgnoreCase(text == null ? "" : text.strip()) || kind.label.equalsIgnoreCase(text)) {
                return kind;
            }
        }
        throw new Refusal(
                "A kind is one of employee, location, team, process, not " + text,
                Words.of("identity.directory.refused.kind", text));
    }
}
