package dev.loopkeeper.identity;

import dev.loopkeeper.identity.web.ApiKeyAuthentication;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Groups;
import java.util.Optional;
import java.util.Set;
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

    /** The person signed in; none for an API client, which acts for no one. */
    public Optional<Actor> actor() {
        Authentication auth = security.getContext().getAuthentication();
        if (auth == null
                || !auth.isAuthenticated()
                || auth.getName() == null
                || "anonymousUser".equals(auth.getName())
                || isApiClient()) {
            return Optional.empty();
        }
        return Optional.of(new Actor(auth.getName(), groupsOf(auth)));
    }

    /** The groups behind an authentication's roles ({@code ROLE_supervisors} is the group supervisors). */
    public static Set<String> groupsOf(Authentication auth) {
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Groups.ROLE_PREFIX))
                .map(a -> a.substring(Groups.ROLE_PREFIX.length()))
                .collect(Collectors.toSet());
    }

    /** A survey tool or CRM that came in with an API key on {@code /api}. */
    public boolean isApiClient() {
        Authentication auth = security.getContext().getAuthentication();
        return auth != null
                && auth.isAuthenticated()
                && auth.getAuthorities().stream()
                        .anyMatch(a -> ApiKeyAuthentication.API_CLIENT.equals(a.getAuthority()));
    }

    public Actor require() {
        return actor().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
    }
}
