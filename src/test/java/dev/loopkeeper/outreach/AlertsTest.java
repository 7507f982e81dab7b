package dev.loopkeeper.outreach;

import dev.loopkeeper.LoopkeeperTest;

/** Alerts and digests on the embedded H2. */
@LoopkeeperTest
class AlertsTest extends AlertsContract {}
