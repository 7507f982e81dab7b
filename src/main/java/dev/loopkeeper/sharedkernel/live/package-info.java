/**
 * Live updates across nodes: a change one node commits reaches the open screens of every node within about a second,
 * through an append-only table each node polls (no network protocol of our own, nothing to configure per node).
 */
package dev.loopkeeper.sharedkernel.live;
