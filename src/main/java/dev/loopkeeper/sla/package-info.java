/** Service levels: when a case is due, and the record of every breach. */
package dev.loopkeeper.sla;
