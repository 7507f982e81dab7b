package dev.loopkeeper.sla;

import dev.loopkeeper.LoopkeeperTest;

/** Supervision on the embedded H2. */
@LoopkeeperTest
class SupervisionTest extends SupervisionContract {}
