package dev.loopkeeper.identity;

import dev.loopkeeper.LoopkeeperTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The role × door matrix on the embedded H2. */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessMatrixTest extends AccessMatrixContract {}
