package dev.loopkeeper.casework;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The tasklist queries on a real MariaDB: the same SQL, another optimiser. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class TasklistMariaDbIT extends TasklistContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
