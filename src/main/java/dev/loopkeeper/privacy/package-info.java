/** A customer's data on request: everything held about them as JSON, and their erasure (audited, admins only). */
package dev.loopkeeper.privacy;
