package dev.loopkeeper.reporting;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The report figures on a real MariaDB: its grouping, sorting and time arithmetic. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class ReportsMariaDbIT extends ReportsContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
