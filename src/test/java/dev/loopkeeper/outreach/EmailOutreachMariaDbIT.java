package dev.loopkeeper.outreach;

import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The email tests on a real MariaDB, where each delivery-log write takes a second connection beside the
 * caller's transaction, under READ COMMITTED and real row locks.
 */
@ActiveProfiles({"demo", "test", "mariadb"})
class EmailOutreachMariaDbIT extends EmailOutreachTest {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
