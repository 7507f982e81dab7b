/** Bean Validation constraints for what comes in from outside: which characters a text may hold, plausible times. */
package dev.loopkeeper.sharedkernel.validation;
