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
}
