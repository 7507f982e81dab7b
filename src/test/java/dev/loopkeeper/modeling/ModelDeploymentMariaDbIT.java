package dev.loopkeeper.modeling;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Drafts, deployments, diffs and roll-backs on a real MariaDB: whole model files in a longtext column. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class ModelDeploymentMariaDbIT extends ModelDeploymentTest {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
