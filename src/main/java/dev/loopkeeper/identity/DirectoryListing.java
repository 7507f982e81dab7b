package dev.loopkeeper.identity;

import java.util.UUID;

/**
 * An entry of the directory as the directory screen shows and edits it.
 *
 * @param id null for one not saved yet
 * @param aliases other names customers use, comma-separated
 */
public record DirectoryListing(
        UUID id, EntryKind kind, String name, String aliases, String location, String managerUserId) {}
