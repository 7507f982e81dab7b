package dev.loopkeeper.casework;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Who sees a case, on a real MariaDB: its insert-if-absent is MariaDB's own statement. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class CaseAccessMariaDbIT extends CaseAccessContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
