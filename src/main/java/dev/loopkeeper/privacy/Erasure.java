package dev.loopkeeper.privacy;

import java.util.UUID;

/** What an erasure did: the customer's new id, and how many of their cases there were and were still open. */
public record Erasure(UUID customerId, String replacementId, int cases, int openCasesClosed) {}
