package dev.loopkeeper.sharedkernel.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On MariaDB a commit is on the disk when it returns as long as the server is set up for it, as it is by
 * default: each commit flushes InnoDB's redo log (innodb_flush_log_at_trx_commit=1), a binary log, if
 * there is one, is synced with it (sync_binlog=1; crash recovery rolls back what the binary log lacks),
 * and pages are written twice so a power cut cannot tear one (innodb_doublewrite). Operators tune these
 * for speed; at start this says, loudly, when the server may lose commits that Loopkeeper acknowledged.
 */
@Component
class DurableInnoDb {

    private static final Logger log = LoggerFactory.getLogger(DurableInnoDb.class);

    DurableInnoDb(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String product =
                jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if ("MariaDB".equals(product) || "MySQL".equals(product)) {
            Map<String, Object> settings = jdbc.queryForMap("""
                    select @@innodb_flush_log_at_trx_commit as flush_log_at_trx_commit, @@log_bin as log_bin,
                           @@sync_binlog as sync_binlog, @@innodb_doublewrite as doublewrite""");
            for (String problem : problems(settings)) {
                log.warn("MariaDB may lose commits that Loopkeeper acknowledged on a crash or power cut: {}", problem);
            }
        }
    }

    /** What in the server's settings can lose a committed transaction; empty when nothing does. */
    static List<String> problems(Map<String, Object> settings) {
        List<String> problems = new ArrayList<>();
        String flush = String.valueOf(settings.get("flush_log_at_trx_commit"));
        // 3 is MariaDB's older group commit: as durable as 1
        if (!flush.equals("1") && !flush.equals("3")) {
            problems.add("innodb_flush_log_at_trx_commit=" + flush + " (keep 1: flush the redo log at each commit)");
        }
        String syncBinlog = String.valueOf(settings.get("sync_binlog"));
        if (on(settings.get("log_bin")) && !syncBinlog.equals("1")) {
            problems.add("sync_binlog=" + syncBinlog + " with the binary log on (keep 1: sync it at each commit)");
        }
        if (!on(settings.get("doublewrite"))) {
            problems.add("innodb_doublewrite=" + settings.get("doublewrite") + " (keep it on: no torn pages)");
        }
        return problems;
    }

    private static boolean on(Object setting) {
        String value = String.valueOf(setting);
        return !value.equals("0") && !value.equalsIgnoreCase("OFF") && !value.equalsIgnoreCase("false");
    }
}
