package dev.loopkeeper.intake;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a piece of intake in a transaction of its own, and again when it lost a race to another transaction
 * ({@link Contention}): the next attempt sees the winner's committed rows and goes through.
 */
@Component
class IntakeTransactions {

    private static final Logger log = LoggerFactory.getLogger(IntakeTransactions.class);
    /** Enough for twenty clients posting for one customer at the same moment (tested). */
    private static final int ATTEMPTS = 5;

    private final TransactionTemplate transaction;

    IntakeTransactions(PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    <T> T run(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !Contention.isTransient(failure)) {
                    throw failure;
                }
                log.debug("Intake of {} lost a race (attempt {}): {}", what, attempt, failure.toString());
                pauseBefore(attempt + 1, failure);
            }
        }
    }

    /**
     * Random, growing pauses: racers that collided once should not collide again in lock step. At most
     * about 0.1 + 0.2 + 0.4 + 0.8 s in all.
     */
    private static void pauseBefore(int attempt, RuntimeException failure) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L << (attempt - 1)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
