/**
 * Whether the loop closes: NPS over time with its margin of error, the loop's own numbers, revenue at risk and
 * protected, the dashboards and their CSV, the monthly company report. The one module that reads other modules'
 * tables (responses, cases, breaches, re-surveys, themes, actions): read-only grouped statements, because a report
 * cuts across them all and must stay an aggregate in the database; it writes nothing of theirs.
 */
package dev.loopkeeper.reporting;
