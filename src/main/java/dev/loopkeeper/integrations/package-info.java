/**
 * The tools a team already uses: outbound webhooks for case events (Standard Webhooks, signed, retried, with a
 * delivery log and replay), and the admins' Integrations screen, which also connects outreach's Slack, Teams and
 * help desk.
 */
package dev.loopkeeper.integrations;
