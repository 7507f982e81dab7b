/** Whether the loop closes: NPS and loop metrics, exports and dashboards. */
package dev.loopkeeper.reporting;
