package dev.loopkeeper.sharedkernel;

import java.util.Set;

/** Who is doing something: a user id and the groups it belongs to. */
public record Actor(String userId, Set<String> groups) {

    /** The group ids of {@code identity.Groups}; the kernel cannot depend on the identity module. */
    private static final String SUPERVISORS = "supervisors";
    private static final String ADMINS = "admins";

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
        return isIn(SUPERVISORS) || isIn(ADMINS);
    }
}
