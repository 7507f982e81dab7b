package dev.loopkeeper.integrations;

import dev.loopkeeper.LoopkeeperTest;

/** Outbound webhooks on H2. */
@LoopkeeperTest
class OutboundWebhooksTest extends OutboundWebhooksContract {}
