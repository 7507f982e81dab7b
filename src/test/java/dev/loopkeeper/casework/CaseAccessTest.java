package dev.loopkeeper.casework;

import dev.loopkeeper.LoopkeeperTest;

/** Who sees a case, on the embedded H2. */
@LoopkeeperTest
class CaseAccessTest extends CaseAccessContract {}
