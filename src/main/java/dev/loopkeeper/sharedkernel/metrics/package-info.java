/** Counting for the metrics endpoint, shared by the modules that count. */
package dev.loopkeeper.sharedkernel.metrics;
