package dev.loopkeeper.insight;

import dev.loopkeeper.LoopkeeperTest;

/** The systemic loop on H2. */
@LoopkeeperTest
class SystemicLoopTest extends SystemicLoopContract {}
