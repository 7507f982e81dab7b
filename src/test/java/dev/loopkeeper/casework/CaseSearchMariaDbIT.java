package dev.loopkeeper.casework;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The case list and the customer search on a real MariaDB: its FULLTEXT indexes, another optimiser. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class CaseSearchMariaDbIT extends CaseSearchContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
