package dev.loopkeeper.identity;

import dev.loopkeeper.sharedkernel.Groups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs users in against Camunda's identity service, so the tasklist, Cockpit and the REST API share one set of
 * users; each Camunda group becomes the role of the same name, and Camunda's own {@code camunda-admin} group also
 * counts as {@code admins}. Every door that takes a password (the login form, HTTP basic) comes through here, so the
 * {@link LoginThrottle} sees every guess.
 */
@Component
class IdentityServiceAuthentication implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;

    IdentityServiceAuthentication(@Lazy IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (address != null) {
            Duration wait = throttle.waitFor(address);
            if (!wait.isZero()) {
                throw new SignInThrottled(wait);
            }
        }
        String userId = authentication.getName();
        Object password = authentication.getCredentials();
        if (userId == null || password == null || !identity.checkPassword(userId, password.toString())) {
            if (address != null) {
                throttle.failed(address);
            }
            throw new BadCredentialsException("Wrong user name or password");
        }
        if (address != null) {
            throttle.succeeded(address);
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles(userId));
    }

    private List<SimpleGrantedAuthority> roles(String userId) {
        List<SimpleGrantedAuthority> roles = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
            roles.add(new SimpleGrantedAuthority(Groups.ROLE_PREFIX + group.getId()));
            if (Groups.CAMUNDA_ADMIN.equals(group.getId())) {
                roles.add(new SimpleGrantedAuthority(Groups.ROLE_PREFIX + Groups.ADMINS));
            }
        }
        return roles.stream().distinct().toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
