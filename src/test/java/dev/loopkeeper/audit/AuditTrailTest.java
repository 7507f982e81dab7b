package dev.loopkeeper.audit;

import dev.loopkeeper.LoopkeeperTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The audit trail on the embedded H2. */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuditTrailTest extends AuditTrailContract {}
