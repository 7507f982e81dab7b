package dev.loopkeeper.modeling;

import java.util.List;

/**
 * What a deployment created: the new version of the model that was edited, and the new versions of the
 * models deployed with it (its bundle: processes, decisions and forms that refer to each other).
 */
public record DeployedVersion(String deploymentId, ModelVersion model, List<ModelVersion> bundle) {}
