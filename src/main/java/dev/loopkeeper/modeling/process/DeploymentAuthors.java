package dev.loopkeeper.modeling.process;

import dev.loopkeeper.modeling.domain.DeploymentRecord;
import dev.loopkeeper.modeling.domain.DeploymentRecords;
import java.time.Clock;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Records who made a deployment, in the deployment's own transaction: the user the engine knows as
 * authenticated (our editor sets it; {@code /engine-rest} sets it from basic auth). The auto-deployment at
 * start-up has no user and leaves no record; the library shows the engine's data for it.
 */
final class DeploymentAuthors implements Deployer {

    private final DeploymentRecords records;
    private final Clock clock;

    DeploymentAuthors(DeploymentRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        String user = Context.getCommandContext().getAuthenticatedUserId();
        if (deployment.isNew() && user != null && !records.existsById(deployment.getId())) {
            records.save(new DeploymentRecord(deployment.getId(), user, clock.instant()));
        }
    }
}
