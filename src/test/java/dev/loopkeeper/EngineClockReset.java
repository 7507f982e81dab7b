package dev.loopkeeper;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test class starts and ends on the real clock. The engine's clock is one per JVM, and tests move it (to fire a
 * timer, to age a lease): a class that left it days ahead or minutes behind made a later class's signed webhooks
 * "too old" or its cases fall in another week, depending on the order the classes ran in. Registered for every class
 * through {@code META-INF/services}; nested classes share their outer class's clock, so only top-level ones reset.
 */
public class EngineClockReset implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        resetFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        resetFor(context);
    }

    private static void resetFor(ExtensionContext context) {
        if (context.getRequiredTestClass().getEnclosingClass() == null) {
            ClockUtil.reset();
        }
    }
}
