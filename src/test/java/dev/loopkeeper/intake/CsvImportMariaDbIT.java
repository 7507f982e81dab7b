package dev.loopkeeper.intake;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** CSV import on a real MariaDB: its upsert, its batches and its blobs. */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class CsvImportMariaDbIT extends CsvImportContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
    }
}
