/** The systemic loop: recurring themes, keyword trends and improvement actions. */
package dev.loopkeeper.insight;
