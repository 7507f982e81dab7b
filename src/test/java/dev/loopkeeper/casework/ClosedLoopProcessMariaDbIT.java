package dev.loopkeeper.casework;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The closed loop on a real MariaDB. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class ClosedLoopProcessMariaDbIT extends ClosedLoopProcessContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
