package dev.loopkeeper.reporting;

import dev.loopkeeper.LoopkeeperTest;

/** The report figures on the embedded H2. */
@LoopkeeperTest
class ReportsTest extends ReportsContract {}
