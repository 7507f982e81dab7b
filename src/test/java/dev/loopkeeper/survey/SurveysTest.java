package dev.loopkeeper.survey;

import dev.loopkeeper.LoopkeeperTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** Surveys on the embedded H2. */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SurveysTest extends SurveysContract {}
