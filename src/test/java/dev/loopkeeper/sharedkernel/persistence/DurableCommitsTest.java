package dev.loopkeeper.sharedkernel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A commit on a file H2 is in the file when it returns. H2's write delay is set far beyond the test here,
 * so whatever is in the file got there through {@link DurableCommits}, not through H2's background writer.
 */
class DurableCommitsTest {

    @TempDir
    Path data;

    SingleConnectionDataSource dataSource;
    JdbcTemplate jdbc;
    TransactionTemplate transaction;

    @BeforeEach
    void fileDatabase() {
        dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + data.resolve("db") + ";WRITE_DELAY=600000", "sa", "", true);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table note (id int primary key)");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        transactions.addListener(new DurableCommits(dataSource));
        transaction = new TransactionTemplate(transactions);
        store().commit();
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void aCommitIsInTheFileWhenItReturns() {
        transaction.executeWithoutResult(status -> jdbc.update("insert into note values (1)"));

        assertThat(store().hasUnsavedChanges()).isFalse();
    }

    @Test
    void aReadOnlyTransactionWritesNothing() {
        jdbc.update("insert into note values (2)");
        transaction.setReadOnly(true);

        transaction.executeWithoutResult(status -> jdbc.queryForObject("select count(*) from note", Integer.class));

        assertThat(store().hasUnsavedChanges())
                .as("left to H2's own write delay")
                .isTrue();
    }

    private MVStore store() {
        return jdbc.execute(
                (ConnectionCallback<MVStore>) connection -> storeOf(connection.unwrap(JdbcConnection.class)));
    }

    private static MVStore storeOf(JdbcConnection connection) throws SQLException {
        return ((SessionLocal) connection.getSession()).getDatabase().getStore().getMvStore();
    }
}
