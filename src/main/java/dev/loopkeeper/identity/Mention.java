package dev.loopkeeper.identity;

import java.util.UUID;

/** An entry of the directory a text mentions, with the name it used and the manager to tell. */
public record Mention(
        UUID entryId, EntryKind kind, String name, String location, String mentionedAs, String managerUserId) {}
