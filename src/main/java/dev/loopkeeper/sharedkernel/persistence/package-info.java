/** Commits that survive a crash (what the embedded H2 needs for it, what MariaDB must keep set), and text search. */
package dev.loopkeeper.sharedkernel.persistence;
