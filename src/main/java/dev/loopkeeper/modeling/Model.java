package dev.loopkeeper.modeling;

import java.util.List;

/** A process, decision or form with all its deployed versions, newest first. */
public record Model(ModelKind kind, String key, String name, List<ModelVersion> versions) {

    public Model {
        versions = List.copyOf(versions);
    }

    public ModelVersion latest() {
        return versions.get(0);
    }

    public long runningInstances() {
        return versions.stream().mapToLong(ModelVersion::runningInstances).sum();
    }
}
