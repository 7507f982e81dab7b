package dev.loopkeeper.audit;

import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sharedkernel.audit.Audited;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's own doors (/engine-rest, and the API behind Cockpit, Tasklist and Admin) change users, groups,
 * memberships, authorizations, tasks and deployments without passing our services: every change that succeeded
 * there becomes an {@link AuditAction#ENGINE_API} entry naming the method and path. Queries (GETs, and the POSTs
 * Camunda's API uses for queries) are not changes and are left out.
 */
@Configuration(proxyBeanMethods = false)
class EngineDoorAudit {

    /** Last path segments of Camunda's POST endpoints that only read. */
    static final Set<String> QUERY_ENDPOINTS = Set.of(
            "count",
            "list",
            "task",
            "process-instance",
            "execution",
            "variable-instance",
            "incident",
            "job",
            "external-task",
            "process-definition",
            "decision-definition",
            "case-instance",
            "case-execution",
            "batch",
            "statistics",
            "activity-instance",
            "identity-link",
            "fetchAndLock");

    /** Under history, these POSTs change something; the others query. */
    static final Set<String> HISTORY_CHANGES = Set.of("delete", "set-removal-time", "cleanup");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineDoorAuditFilter(
            AuditTrail trail, SecurityContextHolderStrategy security) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // the context's own holder (Vaadin's): the static one may belong to another application context in this
                // JVM
                Authentication who = security.getContext().getAuthentication();
                chain.doFilter(request, response);
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                if (who != null
                        && who.isAuthenticated()
                        && response.getStatus() < 400
                        && isChange(request.getMethod(), path)) {
                    trail.on(Audited.of(who.getName(), AuditAction.ENGINE_API, path)
                            .detail(request.getMethod() + " " + path));
                }
            }
        });
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/admin/*");
        // after Spring Security's chain (-100), so the caller is known and refused calls never get here
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        registration.setName("engineDoorAudit");
        return registration;
    }

    static boolean isChange(String method, String path) {
        return switch (method) {
            case "PUT", "DELETE", "PATCH" -> true;
            case "POST" -> {
                String last = path.substring(path.lastIndexOf('/') + 1);
                yield path.contains("/history/") ? HISTORY_CHANGES.contains(last) : !QUERY_ENDPOINTS.contains(last);
            }
            default -> false;
        };
    }
}
