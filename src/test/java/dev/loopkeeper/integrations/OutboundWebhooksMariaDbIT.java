package dev.loopkeeper.integrations;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Outbound webhooks on a real MariaDB: above all, that of four nodes leasing one delivery at once one gets it. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class OutboundWebhooksMariaDbIT extends OutboundWebhooksContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
