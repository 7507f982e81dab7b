package dev.loopkeeper.identity;

import dev.loopkeeper.sharedkernel.Actor;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** The signed-in user as an {@link Actor}, for views and services that act on the user's behalf. */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy security;

    CurrentUser(SecurityContextHolderStrategy security) {
        this.security = security;
    }

    public Optional<Actor> actor() {
        Authentication auth = security.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        return Optional.of(new Actor(auth.getName(), auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Groups.ROLE_PREFIX))
                .map(a -> a.substring(Groups.ROLE_PREFIX.length()))
                .collect(Collectors.toSet())));
    }

    public Actor require() {
        return actor().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
    }
}
