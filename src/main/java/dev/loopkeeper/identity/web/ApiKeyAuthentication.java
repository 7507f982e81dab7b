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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Lets a request on {@code /api/**} in only with one of the configured API keys in its header. */
public class ApiKeyAuthentication extends OncePerRequestFilter {

    public static final String API_CLIENT_ROLE = "ROLE_api-client";

    private final String header;
    private final List<byte[]> keys;
    private final ObjectMapper json;
    private final SecurityContextHolderStrategy security;
    private final RequestMatcher open;

    /** @param open requests that need no key (the chain must permit them too) */
    public ApiKeyAuthentication(String header, List<String> keys, ObjectMapper json,
                                SecurityContextHolderStrategy security, RequestMatcher open) {
        this.header = header;
        this.keys = keys.stream().filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.json = json;
        this.security = security;
        this.open = open;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return open.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(header);
        if (given == null || !known(given.getBytes(StandardCharsets.UTF_8))) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, given == null
                    ? "Send your API key in the " + header + " header"
                    : "The API key in the " + header + " header is not valid");
            problem.setType(URI.create("https://loopkeeper.dev/problems/api-key"));
            problem.setTitle("API key required");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        var context = security.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api-client", null,
                AuthorityUtils.createAuthorityList(API_CLIENT_ROLE)));
        security.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            security.clearContext();
        }
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
