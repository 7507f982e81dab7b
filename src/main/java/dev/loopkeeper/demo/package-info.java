/**
 * The demo's history: a few months of feedback, seeded once on the demo profile's first start through the real
 * intake and the real process, so a newcomer sees full tasklists, breaches, escalations and closed loops at once.
 */
package dev.loopkeeper.demo;
