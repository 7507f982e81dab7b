package dev.loopkeeper.intake;

import dev.loopkeeper.LoopkeeperTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The intake API on the embedded H2. */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IntakeApiTest extends IntakeApiContract {}
