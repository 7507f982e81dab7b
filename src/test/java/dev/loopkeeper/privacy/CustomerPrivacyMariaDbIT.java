package dev.loopkeeper.privacy;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A customer's export and erasure on a real MariaDB, scanned through its own metadata. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class CustomerPrivacyMariaDbIT extends CustomerPrivacyContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
