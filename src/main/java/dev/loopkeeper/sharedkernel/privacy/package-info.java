/** What every module implements so that one customer's data can be exported and erased across all of them. */
package dev.loopkeeper.sharedkernel.privacy;
