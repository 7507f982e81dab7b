package dev.loopkeeper.sla;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Supervision on a real MariaDB: the same aggregates in another SQL dialect. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class SupervisionMariaDbIT extends SupervisionContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
