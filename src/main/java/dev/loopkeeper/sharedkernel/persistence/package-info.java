/** Commits that survive a crash: what the embedded H2 needs for it, and what MariaDB must keep set. */
package dev.loopkeeper.sharedkernel.persistence;
