package dev.loopkeeper.casework;

import dev.loopkeeper.LoopkeeperTest;

/** The closed loop on the embedded H2. */
@LoopkeeperTest
class ClosedLoopProcessTest extends ClosedLoopProcessContract {}
