package dev.loopkeeper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the engine of the test's own context the one {@code /engine-rest} finds. The REST API looks its engine up in
 * Camunda's static registry by name, where every cached context registers its "default" engine: after a test that
 * starts another context (a MOCK one between two RANDOM_PORT ones), the REST API of a reused context would answer
 * from that other context's database.
 */
public class EngineOfThisContext implements TestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        ProcessEngines.registerProcessEngine(testContext.getApplicationContext().getBean(ProcessEngine.class));
    }
}
