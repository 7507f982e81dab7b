package dev.loopkeeper.sharedkernel;

import java.util.Set;

/** Who is doing something: a user id and the groups it belongs to. */
public record Actor(String userId, Set<String> groups) {

    public Actor {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("An actor needs a user id");
        }
        groups = Set.copyOf(groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    /**
     * A supervisor or an admin: oversees all casework, so sees every case and may move any group's tasks.
     * Process owners do not; they work on the models.
     */
    public boolean oversees() {
        return isIn(Groups.SUPERVISORS) || isIn(Groups.ADMINS);
    }

    /** May work a task offered to this group (none for a task offered to no group): a member, or a lead. */
    public boolean mayWork(String candidateGroup) {
        return oversees() || (candidateGroup != null && isIn(candidateGroup));
    }

    /** A process owner or an admin: changes what the engine runs (models, deployments). */
    public boolean mayChangeModels() {
        return isIn(Groups.PROCESS_OWNERS) || isIn(Groups.ADMINS);
    }
}
