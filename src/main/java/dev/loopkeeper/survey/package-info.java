/**
 * Surveys Loopkeeper sends itself: invitations with one-click scores, one reminder, re-surveys after a case closes,
 * the hosted answer page (its answers enter intake like any other response), unsubscribes and runs over lists.
 */
package dev.loopkeeper.survey;
