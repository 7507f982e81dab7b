/** The systemic loop: improvement actions that fix what many customers raise, and telling them when it is fixed. */
package dev.loopkeeper.insight;
