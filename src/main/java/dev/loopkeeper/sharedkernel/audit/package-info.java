/** What the audit trail records, published by every module's services as {@link dev.loopkeeper.sharedkernel.audit.Audited}. */
package dev.loopkeeper.sharedkernel.audit;
