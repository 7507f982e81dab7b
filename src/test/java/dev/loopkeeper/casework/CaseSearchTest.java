package dev.loopkeeper.casework;

import dev.loopkeeper.LoopkeeperTest;

/** The case list and the customer search on the embedded H2 (LIKE over the search columns). */
@LoopkeeperTest
class CaseSearchTest extends CaseSearchContract {}
