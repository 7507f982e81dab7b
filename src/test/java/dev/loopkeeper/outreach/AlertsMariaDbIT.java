package dev.loopkeeper.outreach;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Alerts and digests on a real MariaDB: the digest queue and the preferences are queries of our own. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class AlertsMariaDbIT extends AlertsContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
