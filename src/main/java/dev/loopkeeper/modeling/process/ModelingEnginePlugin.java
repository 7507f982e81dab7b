package dev.loopkeeper.modeling.process;

import dev.loopkeeper.modeling.domain.DeploymentRecords;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts the deployment rules where every deployment passes — ahead of the engine's deployers — and records
 * each deployment's author after them. Also keeps FEEL away from Java whatever a model says: the legacy FEEL
 * engine ({@code dmnFeelEnableLegacyBehavior}) turns FEEL into JUEL, which reaches any bean and method; the Scala
 * FEEL engine Camunda builds otherwise has external (Java) functions switched off, and so has the one that replaces
 * it here ({@link ParsedOnceFeel}, which parses each expression once).
 */
@Component
class ModelingEnginePlugin extends AbstractProcessEnginePlugin {

    private final DeploymentRules rules;
    private final DeploymentRecords records;
    private final Clock clock;

    ModelingEnginePlugin(DeploymentRules rules, @Lazy DeploymentRecords records, Clock clock) {
        this.rules = rules;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDmnFeelEnableLegacyBehavior(false);
        ParsedOnceFeel.install(configuration);
        List<Deployer> before = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        before.add(0, new RulesDeployer(rules));
        configuration.setCustomPreDeployers(before);
        List<Deployer> after = configuration.getCustomPostDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        after.add(new DeploymentAuthors(records, clock));
        configuration.setCustomPostDeployers(after);
    }
}
