package dev.loopkeeper.sharedkernel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which MariaDB settings can lose a commit that Loopkeeper acknowledged. */
class DurableInnoDbTest {

    @Test
    void theDefaultsLoseNothing() {
        assertThat(DurableInnoDb.problems(settings(1, 0, 0, 1))).isEmpty();
    }

    @Test
    void aBinaryLogSyncedAtEachCommitLosesNothing() {
        assertThat(DurableInnoDb.problems(settings(1, 1, 1, 1))).isEmpty();
    }

    @Test
    void mariaDbsOlderGroupCommitLosesNothing() {
        assertThat(DurableInnoDb.problems(settings(3, 0, 0, 1))).isEmpty();
    }

    @Test
    void aRedoLogFlushedOnceASecondLosesCommits() {
        assertThat(DurableInnoDb.problems(settings(2, 0, 0, 1)))
                .singleElement()
                .asString()
                .startsWith("innodb_flush_log_at_trx_commit=2");
        assertThat(DurableInnoDb.problems(settings(0, 0, 0, 1))).hasSize(1);
    }

    @Test
    void aBinaryLogLeftToTheOsLosesCommits() {
        assertThat(DurableInnoDb.problems(settings(1, 1, 0, 1)))
                .singleElement()
                .asString()
                .startsWith("sync_binlog=0");
    }

    @Test
    void pagesWrittenOnceCanTear() {
        assertThat(DurableInnoDb.problems(settings(1, 0, 0, 0)))
                .singleElement()
                .asString()
                .startsWith("innodb_doublewrite=0");
    }

    private static Map<String, Object> settings(int flushLogAtTrxCommit, int logBin, int syncBinlog, int doublewrite) {
        return Map.of(
                "flush_log_at_trx_commit",
                flushLogAtTrxCommit,
                "log_bin",
                logBin,
                "sync_binlog",
                syncBinlog,
                "doublewrite",
                doublewrite);
    }
}
