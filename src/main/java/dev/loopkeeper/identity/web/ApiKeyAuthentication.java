package dev.loopkeeper.identity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request on {@code /api/**} that carries one of the configured API keys in its header, and
 * refuses one with a wrong key. A request without a key goes on to the chain's other ways in (a user's
 * HTTP basic credentials or session); if none lets it in, it gets this filter's 401 as the entry point.
 * The metrics scraper's bearer token on {@code /actuator/prometheus} is checked the same way ({@link #scraper}).
 */
public class ApiKeyAuthentication extends OncePerRequestFilter implements AuthenticationEntryPoint {

    /** Not a {@code ROLE_}: those come from Camunda groups, and no group may make a user an API client. */
    public static final String API_CLIENT = "API_CLIENT";
    /** Prometheus (or another scraper) reading the metrics; nothing else. */
    public static final String METRICS_SCRAPER = "METRICS_SCRAPER";

    private final String header;
    private final String scheme;
    private final String client;
    private final String authority;
    private final List<byte[]> keys;
    private final ObjectMapper json;
    private final SecurityContextHolderStrategy security;

    public ApiKeyAuthentication(
            String header, List<String> keys, ObjectMapper json, SecurityContextHolderStrategy security) {
        this(header, "", "api-client", API_CLIENT, keys, json, security);
    }

    private ApiKeyAuthentication(
            String header,
            String scheme,
            String client,
            String authority,
            List<String> keys,
            ObjectMapper json,
            SecurityContextHolderStrategy security) {
        this.header = header;
        this.scheme = scheme;
        this.client = client;
        this.authority = authority;
        this.keys = keys.stream()
                .filter(k -> !k.isBlank())
                .map(k -> (scheme + k).getBytes(StandardCharsets.UTF_8))
                .toList();
        this.json = json;
        this.security = security;
    }

    /** {@code Authorization: Bearer <token>}, as Prometheus sends its scrape configuration's credentials. */
    public static ApiKeyAuthentication scraper(
            List<String> tokens, ObjectMapper json, SecurityContextHolderStrategy security) {
        return new ApiKeyAuthentication(
                "Authorization", "Bearer ", "metrics-scraper", METRICS_SCRAPER, tokens, json, security);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(header);
        if (given == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!known(given.getBytes(StandardCharsets.UTF_8))) {
            refuse(response, "The " + kind() + " in the " + header + " header is not valid");
            return;
        }
        var context = security.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                client, null, AuthorityUtils.createAuthorityList(authority)));
        security.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            security.clearContext();
        }
    }

    /** Nobody let the request in: no key, and no user either (or a user with the wrong password). */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failed)
            throws IOException {
        refuse(
                response,
                failed instanceof BadCredentialsException
                        ? "Wrong user name or password"
                        : "Send your " + kind() + " in the " + header + " header");
    }

    private String kind() {
        return scheme.isEmpty() ? "API key" : scheme.strip() + " token";
    }

    private void refuse(HttpServletResponse response, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(URI.create("https://loopkeeper.dev/problems/api-key"));
        problem.setTitle(kind() + " required");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Constant-time comparison against every key, so timing does not tell how much of a key was right. */
    private boolean known(byte[] given) {
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, given);
        }
        return match;
    }
}
