package dev.loopkeeper.intake;

import java.util.List;

/**
 * Responses from the past were stored as history (a CSV import's older rows): no case, no process, but they count
 * in reports and trends. One event per stored batch, published inside the batch's transaction.
 */
public record HistoryKept(List<FeedbackReceived> responses) {}
