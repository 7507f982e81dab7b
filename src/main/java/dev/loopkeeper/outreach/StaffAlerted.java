package dev.loopkeeper.outreach;

import java.util.UUID;

/** A staff alert was stored: screens that count unread alerts may refresh. */
public record StaffAlerted(UUID caseId, String group, String userId, String kind) {}
