package dev.loopkeeper.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The parts of Camunda's engine REST API that change who may do what, or what the engine runs, wherever that API is
 * served: {@code /engine-rest} (also as {@code /engine-rest/engine/{name}}) and inside the webapps, where Cockpit and
 * Admin call it as {@code /camunda/api/engine/engine/{name}}. The engine's own authorization checks stand behind
 * these rules; this is the first of two locks.
 */
public final class EngineApiPaths {

    /** Users, groups, memberships, credentials, tenants, authorizations, password checks. */
    private static final List<String> IDENTITY = List.of("user", "group", "tenant", "authorization", "identity");

    private static final Set<HttpMethod> WRITING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

    private final List<String> bases;

    private EngineApiPaths(List<String> bases) {
        this.bases = bases;
    }

    /** {@code /engine-rest} as the REST starter serves it. */
    public static EngineApiPaths engineRest() {
        return new EngineApiPaths(List.of("/engine-rest", "/engine-rest/engine/*"));
    }

    /** The same API as the Camunda webapps serve it to Cockpit and Admin. */
    public static EngineApiPaths webapps() {
        return new EngineApiPaths(List.of("/camunda/api/engine/engine/*"));
    }

    /** Every request that would change identity or authorizations: admins only. */
    public RequestMatcher[] identityChanges() {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String base : bases) {
            for (String resource : IDENTITY) {
                for (HttpMethod method : WRITING) {
                    matchers.add(match(method, base + "/" + resource));
                    matchers.add(match(method, base + "/" + resource + "/**"));
                }
            }
        }
        return matchers.toArray(RequestMatcher[]::new);
    }

    /** Deploying, redeploying or deleting models: process owners and admins. */
    public RequestMatcher[] deployments() {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String base : bases) {
            for (HttpMethod method : WRITING) {
                matchers.add(match(method, base + "/deployment/**"));
            }
        }
        return matchers.toArray(RequestMatcher[]::new);
    }

    private static RequestMatcher match(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
