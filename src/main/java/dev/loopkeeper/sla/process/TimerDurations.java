package dev.loopkeeper.sla.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine parses every timer's ISO duration with a {@code DatatypeFactory} it creates anew each time, and
 * {@code DatatypeFactory.newInstance()} without a configured implementation searches every jar on the class path for
 * a provider: three timers per new task made that class-path scan about 3 % of an intake request's CPU (JFR, issue
 * 15). Naming the JDK's own implementation, as the JAXP lookup reads it first, skips the scan and finds the same class.
 */
@Component
class TimerDurations extends AbstractProcessEnginePlugin {

    static final String FACTORY = "javax.xml.datatype.DatatypeFactory";
    static final String JDK_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // one already named (another JAXP implementation on purpose) stays
        if (System.getProperty(FACTORY) == null) {
            System.setProperty(FACTORY, JDK_FACTORY);
        }
    }
}
