package dev.loopkeeper.modeling;

import dev.loopkeeper.sharedkernel.Actor;
import org.springframework.security.access.AccessDeniedException;

/** Only process owners and administrators change what the engine runs; the views say so too. */
final class ModelAccess {

    private ModelAccess() {}

    static void requireModeler(Actor actor) {
        if (!actor.mayChangeModels()) {
            throw new AccessDeniedException(actor.userId() + " is not a process owner");
        }
    }
}
