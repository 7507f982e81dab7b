package dev.loopkeeper.sharedkernel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * What no other resolver answered (a bug, a database that went away) under {@code /api}: a problem document with a
 * reference to the log line, like every other refusal there, instead of Spring Boot's own error body. It comes last:
 * {@link ApiProblems}, {@code @ResponseStatus} exceptions and Spring's own exceptions are answered before, and access
 * denials go on to Spring Security, which answers them itself. The log keeps the exception; the client gets no
 * class names or messages from inside.
 */
@Component
class ApiFailures implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiFailures.class);

    private final ObjectMapper json;

    ApiFailures(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        String uri = request.getRequestURI();
        if (uri == null
                || !(uri.equals("/api") || uri.startsWith("/api/"))
                || failure instanceof AccessDeniedException
                || failure instanceof AuthenticationException
                || response.isCommitted()) {
            return null;
        }
        String reference = UUID.randomUUID().toString();
        log.error("{} {} failed (reference {})", request.getMethod(), uri, reference, failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The request failed on our side. Our log has it under the reference " + reference + ".");
        problem.setProperty("reference", reference);
        try {
            // the body only: the headers our filters set (the security policy among them) stay
            response.resetBuffer();
            response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } catch (IOException | IllegalStateException cannotWrite) {
            // the client is gone: the log has the failure
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
