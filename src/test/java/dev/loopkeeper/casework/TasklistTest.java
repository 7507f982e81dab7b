package dev.loopkeeper.casework;

import dev.loopkeeper.LoopkeeperTest;

/** The tasklist queries on the embedded H2. */
@LoopkeeperTest
class TasklistTest extends TasklistContract {}
