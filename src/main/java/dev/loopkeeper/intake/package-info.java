/** Responses in: the intake API, customers and their NPS responses. Publishes {@link dev.loopkeeper.intake.FeedbackReceived}. */
package dev.loopkeeper.intake;
