package dev.loopkeeper.sharedkernel.persistence;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database the app runs on, asked once: H2 (the embedded default) or MariaDB. For the few statements that
 * differ between them (insert-if-absent, full-text search, a per-statement optimizer switch).
 */
@Component
public class DatabaseProduct {

    private final boolean h2;

    DatabaseProduct(DataSource dataSource) throws MetaDataAccessException {
        this.h2 = "H2"
                .equalsIgnoreCase(
                        JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    public boolean isH2() {
        return h2;
    }
}
