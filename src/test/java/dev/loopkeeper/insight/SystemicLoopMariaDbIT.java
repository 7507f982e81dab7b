package dev.loopkeeper.insight;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The systemic loop on a real MariaDB. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class SystemicLoopMariaDbIT extends SystemicLoopContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
