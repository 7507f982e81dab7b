package dev.loopkeeper.identity.web;

import dev.loopkeeper.identity.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls {@code /engine-rest}, so that what the engine records (task assignee
 * changes, deployments' user, authorization checks when enabled) names the real user.
 */
public class EngineRestIdentity extends OncePerRequestFilter {

    private final IdentityService identity;
    private final SecurityContextHolderStrategy security;

    public EngineRestIdentity(IdentityService identity, SecurityContextHolderStrategy security) {
        this.identity = identity;
        this.security = security;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = security.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(auth.getName(), List.copyOf(CurrentUser.groupsOf(auth)));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
