package dev.loopkeeper.identity;

import java.util.UUID;

/** An employee a text mentions, with the name it used and the manager to tell. */
public record NamedEmployee(
        UUID employeeId, String fullName, String location, String mentionedAs, String managerUserId) {}
