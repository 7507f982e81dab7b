package dev.loopkeeper.sharedkernel.metrics;

import io.micrometer.core.instrument.Counter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts what happened only once it is committed: a job that rolls back and runs again, or a request refused half
 * way, must not count twice or at all.
 */
public final class OnCommit {

    private OnCommit() {}

    public static void increment(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
