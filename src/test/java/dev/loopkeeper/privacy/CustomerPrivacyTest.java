package dev.loopkeeper.privacy;

import dev.loopkeeper.LoopkeeperTest;

/** A customer's export and erasure on the embedded H2. */
@LoopkeeperTest
class CustomerPrivacyTest extends CustomerPrivacyContract {}
