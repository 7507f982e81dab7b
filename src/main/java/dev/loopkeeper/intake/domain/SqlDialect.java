package dev.loopkeeper.intake.domain;

import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which of our two databases this is, for the few statements they spell differently (an upsert). */
@Component
public class SqlDialect {

    private final boolean mariaDb;

    SqlDialect(DataSource dataSource) {
        String product = new JdbcTemplate(dataSource)
                .execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.mariaDb = "MariaDB".equals(product) || "MySQL".equals(product);
    }

    public boolean isMariaDb() {
        return mariaDb;
    }
}
