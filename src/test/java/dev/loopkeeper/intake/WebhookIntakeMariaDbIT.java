package dev.loopkeeper.intake;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Survey tools' webhooks on a real MariaDB: the upsert and the delivery records in MariaDB's own SQL. */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "mariadb"})
class WebhookIntakeMariaDbIT extends WebhookIntakeContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
