package dev.loopkeeper.sharedkernel.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * On the embedded H2 (a file database), every read-write transaction is on the disk before its commit returns
 * to its caller, so whatever is answered after it (a 201 from intake, a task completed in the UI, an engine
 * REST call) survives {@code kill -9} and power loss. H2 2.3 does neither by itself: its MVStore keeps a commit
 * in memory until its background thread stores it, up to {@code WRITE_DELAY} (500 ms) later, and it forces
 * the file to the device (FileChannel.force, in FileStore.sync) only on close and around compaction.
 *
 * <p>So after each commit this stores what is pending, waits for whatever H2's background writer has taken
 * and is still writing on its own threads (MVStore.executeFilestoreOperation, the wait H2 itself does before
 * moving chunks), then forces the file. {@code CHECKPOINT SYNC} does the first and last but not the wait, and
 * can force the file before the background writer has written our commit. {@code WRITE_DELAY=0} would remove
 * those threads, but with them the housekeeping that keeps the file compact: under steady load the file
 * then grows without end. One force covers every commit finished before it began, so concurrent commits share
 * one (group commit). Read-only transactions, an in-memory H2 and MariaDB ({@link DurableInnoDb}) need none.
 */
@Component
class DurableCommits implements TransactionExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    private final JdbcTemplate jdbc;
    private final boolean forcing;
    private final AtomicLong commits = new AtomicLong();
    private final ReentrantLock force = new ReentrantLock();
    /** The last commit (by {@link #commits}) known to be on the disk; guarded by {@link #force}. */
    private long forced;

    DurableCommits(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.forcing = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> fileStore(c) != null));
        if (forcing) {
            log.info("Embedded H2: each read-write transaction is forced to disk before its commit returns");
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        if (forcing && commitFailure == null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
            forceCommitted();
        }
    }

    /** Runs before the transaction's caller gets control back: a failure here fails the request. */
    private void forceCommitted() {
        long commit = commits.incrementAndGet();
        force.lock();
        try {
            if (forced >= commit) {
                return;
            }
            long upTo = commits.get();
            // The connection still bound to the transaction: no second one from the pool
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                MVStore store = fileStore(connection);
                store.commit();
                store.executeFilestoreOperation(() -> {});
                store.sync();
                return null;
            });
            forced = upTo;
        } finally {
            force.unlock();
        }
    }

    /** The MVStore of an H2 file database opened in this JVM; null for anything else. */
    @Nullable
    private static MVStore fileStore(Connection connection) throws SQLException {
        if (connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
            Database database = session.getDatabase();
            return database.isPersistent() ? database.getStore().getMvStore() : null;
        }
        return null;
    }
}
