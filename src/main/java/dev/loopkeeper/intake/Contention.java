package dev.loopkeeper.intake;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Failures that mean "another transaction got there first", not "this request is wrong": a unique key
 * another request inserted a moment earlier, a row version that moved, a lock we waited for too long, a
 * deadlock the database broke by rolling us back. Running the whole transaction again sees the winner's
 * committed rows and goes through.
 */
final class Contention {

    /** Standard SQL states: serialization failure or deadlock, unique violation, lock timeout (H2). */
    private static final Set<String> STATES = Set.of("40001", "40P01", "23505", "HYT00");
    /** MariaDB: deadlock, lock wait timeout, duplicate key. H2: lock timeout, concurrent update, deadlock. */
    private static final Set<Integer> CODES = Set.of(1213, 1205, 1062, 50200, 90131, 40001);

    private Contention() {}

    static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof ConcurrencyFailureException
                    || t instanceof DuplicateKeyException
                    || t instanceof OptimisticLockException
                    || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException
                    || t instanceof StaleStateException
                    || t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
            if (t instanceof SQLException sql
                    && (STATES.contains(sql.getSQLState()) || CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
