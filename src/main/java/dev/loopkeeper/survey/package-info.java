/**
 * Surveys Loopkeeper sends itself: invitations with one-click scores, one reminder, re-surveys after a case closes,
 * the hosted answer page (its answers enter intake like any other response), unsubscribes, runs over lists and
 * customer queries, and the templates process owners word per language (placeholders, never expressions).
 */
package dev.loopkeeper.survey;
