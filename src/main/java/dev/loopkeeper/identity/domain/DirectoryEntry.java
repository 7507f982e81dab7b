package dev.loopkeeper.identity.domain;

import dev.loopkeeper.identity.EntryKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Someone or something customers may praise by name (store staff, a store, the installation team, the returns
 * process), and the manager who hears of it.
 */
@Entity
public class DirectoryEntry {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntryKind kind;

    @Column(nullable = false)
    private String name;
    /** Other names customers use, comma-separated (a first name, nicknames, short forms). */
    private String aliases;

    private String location;
    /** The Loopkeeper user who manages it and hears of its praise. */
    @Column(nullable = false)
    private String managerUserId;

    protected DirectoryEntry() {}

    public DirectoryEntry(EntryKind kind, String name, String aliases, String location, String managerUserId) {
        this.id = UUID.randomUUID();
        change(kind, name, aliases, location, managerUserId);
    }

    public void change(EntryKind kind, String name, String aliases, String location, String managerUserId) {
        this.kind = kind;
        this.name = name;
        this.aliases = aliases;
        this.location = location;
        this.managerUserId = managerUserId;
    }

    /** The names a customer might write: the name first (most specific), then the aliases. */
    public List<String> names() {
        var names = new ArrayList<>(List.of(name));
        if (aliases != null && !aliases.isBlank()) {
            Arrays.stream(aliases.split(","))
                    .map(String::strip)
                    .filter(a -> !a.isEmpty())
                    .forEach(names::add);
        }
        return names;
    }

    public UUID getId() {
        return id;
    }

    public EntryKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getAliases() {
        return aliases;
    }

    public String getLocation() {
        return location;
    }

    public String getManagerUserId() {
        return managerUserId;
    }
}
