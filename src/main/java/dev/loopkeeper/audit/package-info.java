/** The audit trail: who did what to which case, task, model or customer, when, from where and why. Append-only. */
package dev.loopkeeper.audit;
