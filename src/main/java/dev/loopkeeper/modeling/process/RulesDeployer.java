package dev.loopkeeper.modeling.process;

import dev.loopkeeper.modeling.ModelProblem;
import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Runs the {@link DeploymentRules} on every new deployment before the engine's own deployers parse it:
 * before a timer start event's expression is evaluated at deploy time, and whichever door the deployment
 * came through. Deployments the engine reloads into its cache after a restart are not new and pass.
 */
final class RulesDeployer implements Deployer {

    private final DeploymentRules rules;

    RulesDeployer(DeploymentRules rules) {
        this.rules = rules;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<DeploymentRules.Resource> resources = deployment.getResources().values().stream()
                .map(r -> new DeploymentRules.Resource(r.getName(), r.getBytes()))
                .toList();
        List<ModelProblem> problems = rules.check(resources, new EngineModels(Context.getCommandContext()));
        if (!problems.isEmpty()) {
            throw new DeploymentRulesViolation(problems);
        }
    }

    /** What the engine has deployed, asked inside the deployment's own command. */
    private record EngineModels(CommandContext command) implements DeploymentRules.DeployedModels {

        @Override
        public boolean hasForm(String key, Integer version) {
            return (version == null
                            ? command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key)
                            : command.getCamundaFormDefinitionManager()
                                    .findDefinitionByKeyVersionAndTenantId(key, version, null))
                    != null;
        }

        @Override
        public boolean hasDecision(String key, Integer version) {
            return (version == null
                            ? command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key)
                            : command.getDecisionDefinitionManager()
                                    .findDecisionDefinitionByKeyAndVersion(key, version))
                    != null;
        }
    }
}
