package dev.loopkeeper.intake;

import dev.loopkeeper.LoopkeeperTest;

/** CSV import on the embedded H2. */
@LoopkeeperTest
class CsvImportTest extends CsvImportContract {}
