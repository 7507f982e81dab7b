package dev.loopkeeper.outreach;

/** A rendered email for an agent to edit before it is sent. */
public record EmailDraft(String subject, String text) {}
